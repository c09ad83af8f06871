import { given, play } from '@casebook/testing';
import type { PupilIncidentCommand } from './pupil-incident.commands';
import { as, board, director, hearing, measure, pupilIncidentDecider, removalPrepared, report } from './pupil-incident.fixtures';

// P6 (revision 2): after the decision, the clocks close — a school admits the pupil, or eight weeks of searching end;
// the parents' objection opens the board's own duty to hear them and decide.
const removal = measure({ measure: 'removal' }, board);
const decided = () => play(pupilIncidentDecider, [report(), ...removalPrepared(), removal]);
const placement = (data: Record<string, unknown>, now?: string): PupilIncidentCommand => ({
  type: 'RecordPlacement',
  context: as(board, now),
  data: { subjectId: 'pupil-bully', decidedAt: '2026-11-04T09:00:00.000Z', ...data } as never,
});
let sequence = 0;
const objection = (receivedAt = '2026-11-04T09:30:00.000Z', now?: string): PupilIncidentCommand => ({
  type: 'RecordObjection',
  context: as(board, now),
  data: {
    objectionId: `objection-${++sequence}`,
    obligationId: `decide-${sequence}`,
    subjectId: 'pupil-bully',
    receivedAt,
    summary: 'The parents object to the removal',
  },
});

describe('after a removal (P6, revision 2)', () => {
  it('becomes final when another school admits the pupil, closing the search (P6)', () => {
    const admitted = given(pupilIncidentDecider, decided()).when(placement({ outcome: 'admitted', admittingSchool: 'De Regenboog, Utrecht' }));
    expect(admitted).toEqual([
      {
        type: 'RemovalPlacementRecorded',
        data: {
          regarding: removal.data.measureId,
          subjectId: 'pupil-bully',
          outcome: 'admitted',
          admittingSchool: 'De Regenboog, Utrecht',
          decidedAt: '2026-11-04T09:00:00.000Z',
          recordedBy: board.id,
          closesObligationId: removal.data.obligationIds.removalPlacement,
        },
      },
    ]);
    expect(given(pupilIncidentDecider, decided()).when(placement({ outcome: 'admitted' }))).toMatchObject({ rule: 'P6' });
    const final = play(pupilIncidentDecider, [report(), ...removalPrepared(), removal, placement({ outcome: 'admitted', admittingSchool: 'X' })]);
    expect(given(pupilIncidentDecider, final).state.openObligations).not.toHaveProperty(removal.data.obligationIds.removalPlacement);
    expect(given(pupilIncidentDecider, final).when(placement({ outcome: 'admitted', admittingSchool: 'Y' }))).toMatchObject({ rule: 'P6' });
    expect(given(pupilIncidentDecider, play(pupilIncidentDecider, [report()])).when(placement({ outcome: 'admitted', admittingSchool: 'X' }))).toMatchObject({
      rule: 'P6',
      violation: 'not-found',
    });
    expect(given(pupilIncidentDecider, decided()).when({ ...placement({ outcome: 'admitted', admittingSchool: 'X' }), context: as(director) })).toMatchObject({
      rule: 'P6',
      violation: 'forbidden',
    });
  });

  it('ends a search without a school only after eight weeks (P6)', () => {
    // Decided on 4 November at 10:00: eight weeks later is 30 December.
    expect(
      given(pupilIncidentDecider, decided()).when(placement({ outcome: 'search-ended', decidedAt: '2026-12-29T10:00:00.000Z' }, '2026-12-29T11:00:00.000Z')),
    ).toMatchObject({ rule: 'P6' });
    expect(
      given(pupilIncidentDecider, decided()).when(placement({ outcome: 'search-ended', decidedAt: '2026-12-30T10:00:00.000Z' }, '2026-12-30T11:00:00.000Z')),
    ).toMatchObject([{ type: 'RemovalPlacementRecorded', data: { outcome: 'search-ended', admittingSchool: null } }]);
  });

  it("opens the board's duty to decide on the parents' objection within four weeks, closing their window (P6)", () => {
    const objected = given(pupilIncidentDecider, decided()).when(objection());
    expect(objected).toMatchObject([
      {
        type: 'RemovalObjected',
        data: {
          late: false,
          obligations: [{ kind: 'decide-objection', dueAt: '2026-12-02T09:30:00.000Z' }],
          closesObligationIds: [removal.data.obligationIds.reconsiderationWindow],
        },
      },
    ]);
    // Received after the six weeks: recorded as it came, marked late; the window had lapsed by itself (FACT1).
    const late = given(pupilIncidentDecider, decided()).when(objection('2026-12-17T09:00:00.000Z', '2026-12-17T10:00:00.000Z'));
    expect(late).toMatchObject([{ data: { late: true, closesObligationIds: [] } }]);
  });

  it('decides on an objection only after hearing the parents on it (P6)', () => {
    const objected = objection();
    const history = play(pupilIncidentDecider, [report(), ...removalPrepared(), removal, objected]);
    const id = (objected.data as { objectionId: string }).objectionId;
    const decide: PupilIncidentCommand = {
      type: 'DecideObjection',
      context: as(board),
      data: { objectionId: id, decision: 'rejected', rationale: 'The removal stands' },
    };
    // The parents were heard before the removal; not again on the objection.
    expect(given(pupilIncidentDecider, history).when(decide)).toMatchObject({ rule: 'P6', message: expect.stringMatching(/hears the parents/) });
    const heard = play(pupilIncidentDecider, [report(), ...removalPrepared(), removal, objected, hearing('parent-bully', 'parent', 'parent', 'pupil-bully')]);
    expect(given(pupilIncidentDecider, heard).when(decide)).toMatchObject([
      { type: 'ObjectionDecided', data: { decision: 'rejected', closesObligationId: (objected.data as { obligationId: string }).obligationId } },
    ]);
    const done = play(pupilIncidentDecider, [
      report(),
      ...removalPrepared(),
      removal,
      objected,
      hearing('parent-bully', 'parent', 'parent', 'pupil-bully'),
      decide,
    ]);
    expect(given(pupilIncidentDecider, done).when(decide)).toMatchObject({ rule: 'P6' });
    expect(given(pupilIncidentDecider, done).state.openObligations).not.toHaveProperty((objected.data as { obligationId: string }).obligationId);
  });

  it('closes the Inspectorate and attendance-officer notices with their written reports (P6)', () => {
    const ids = (removal as { data: { obligationIds: { removalInspectorate: string; attendanceOfficer: string } } }).data.obligationIds;
    const toAttendance: PupilIncidentCommand = {
      type: 'RecordInspectorateReport',
      context: as(board),
      data: { reportedAt: '2026-11-04T09:00:00.000Z', reference: 'LPA-77', regarding: removal.data.measureId, recipient: 'attendance-officer' },
    };
    expect(given(pupilIncidentDecider, decided()).when(toAttendance)).toMatchObject([
      { type: 'InspectorateReported', data: { recipient: 'attendance-officer', closesObligationId: ids.attendanceOfficer } },
    ]);
    const toInspectorate: PupilIncidentCommand = {
      type: 'RecordInspectorateReport',
      context: as(board),
      data: { reportedAt: '2026-11-04T09:00:00.000Z', reference: 'ISD-9', regarding: removal.data.measureId },
    };
    expect(given(pupilIncidentDecider, decided()).when(toInspectorate)).toMatchObject([{ data: { closesObligationId: ids.removalInspectorate } }]);
    const both = play(pupilIncidentDecider, [report(), ...removalPrepared(), removal, toAttendance, toInspectorate]);
    expect(Object.values(given(pupilIncidentDecider, both).state.openObligations)).toEqual([
      'inform-parents',
      'removal-placement',
      'removal-reconsideration-window',
    ]);
  });
});

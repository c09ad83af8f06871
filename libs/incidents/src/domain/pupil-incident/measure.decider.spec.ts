import { given, play } from '@casebook/testing';
import type { MeasureImposed } from './pupil-incident.events';
import { as, board, director, hearing, measure, pupilIncidentDecider, report, teacher } from './pupil-incident.fixtures';

const reported = () => play(pupilIncidentDecider, [report()]);
const imposed = (decision: unknown): MeasureImposed['data'] => (decision as MeasureImposed[])[0]!.data;

describe('pupil measures', () => {
  it.each(['warning', 'behaviour-contract'] as const)('imposes a %s on an involved pupil (P1)', (kind) => {
    expect(imposed(given(pupilIncidentDecider, reported()).when(measure({ measure: kind })))).toMatchObject({ measure: kind, subjectId: 'pupil-bully' });
  });

  it.each([
    ['an ICT ban without an end date', { measure: 'ict-ban' as const }],
    ['a suspension without dates', { measure: 'suspension' as const }],
    ['a suspension ending before it starts', { measure: 'suspension' as const, startsOn: '2026-11-10', endsOn: '2026-11-09' }],
    ['a subject who is not a pupil of this case', { subjectId: 'parent-bully' }],
    ['an unknown measure', { measure: 'detention' as never }],
    ['no reason', { reason: '' }],
  ])('refuses %s (P1)', (_label, overrides) => {
    expect(given(pupilIncidentDecider, reported()).when(measure(overrides))).toMatchObject({ kind: 'rule-violation', rule: 'P1' });
  });

  it('opens an "inform parents" obligation for every measure, closed only by a parent notification (P2)', () => {
    const warning = measure();
    const event = imposed(given(pupilIncidentDecider, reported()).when(warning));
    expect(event.obligations).toEqual([
      { obligationId: warning.data.obligationIds.informParents, kind: 'inform-parents', regarding: warning.data.measureId, dueAt: '2026-11-06T10:00:00.000Z' },
    ]);

    const afterMeasure = play(pupilIncidentDecider, [report(), warning]);
    expect(given(pupilIncidentDecider, afterMeasure).state.informParentsOpen).toEqual({ [warning.data.measureId]: warning.data.obligationIds.informParents });
    const notified = { type: 'RecordParentsInformedOfMeasure' as const, context: as(director), data: { regarding: warning.data.measureId, channel: 'phone' as const, informedAt: '2026-11-04T09:30:00.000Z' } };
    expect(given(pupilIncidentDecider, afterMeasure).when(notified)).toEqual([
      { type: 'ParentsInformed', data: { regarding: warning.data.measureId, closesObligationId: warning.data.obligationIds.informParents, channel: 'phone', informedAt: '2026-11-04T09:30:00.000Z', informedBy: director.id } },
    ]);
    const afterNotice = play(pupilIncidentDecider, [report(), warning, notified]);
    expect(given(pupilIncidentDecider, afterNotice).state.informParentsOpen).toEqual({});
    expect(given(pupilIncidentDecider, afterNotice).when(notified)).toMatchObject({ rule: 'P2' });
  });

  it('refuses a removal by a director: the board removes a pupil (P3)', () => {
    const history = play(pupilIncidentDecider, [report(), hearing('staff-teacher-1', 'staff'), hearing('parent-bully')]);
    expect(given(pupilIncidentDecider, history).when(measure({ measure: 'removal' }, director))).toMatchObject({ rule: 'P3', violation: 'forbidden' });
  });

  it('lets only a director or the board take the other measures (P3)', () => {
    expect(given(pupilIncidentDecider, reported()).when(measure({}, teacher))).toMatchObject({ rule: 'P3', violation: 'forbidden' });
    expect(given(pupilIncidentDecider, reported()).when(measure({}, board))).toHaveLength(1);
  });

  it('limits a suspension to one week (P5)', () => {
    const eightDays = measure({ measure: 'suspension', startsOn: '2026-11-09', endsOn: '2026-11-16' });
    expect(given(pupilIncidentDecider, reported()).when(eightDays)).toMatchObject({ rule: 'P5' });
    const oneWeek = measure({ measure: 'suspension', startsOn: '2026-11-09', endsOn: '2026-11-15' });
    expect(given(pupilIncidentDecider, reported()).when(oneWeek)).toHaveLength(1);
  });

  it('opens a written report to the Inspectorate for a suspension over one day, due in two working days (P5)', () => {
    const twoDays = measure({ measure: 'suspension', startsOn: '2026-11-09', endsOn: '2026-11-10' });
    expect(imposed(given(pupilIncidentDecider, reported()).when(twoDays)).obligations).toContainEqual({
      obligationId: twoDays.data.obligationIds.inspectorateReport,
      kind: 'report-suspension-to-inspectorate',
      regarding: twoDays.data.measureId,
      dueAt: '2026-11-06T10:00:00.000Z',
    });
    const oneDay = measure({ measure: 'suspension', startsOn: '2026-11-09', endsOn: '2026-11-09' });
    expect(imposed(given(pupilIncidentDecider, reported()).when(oneDay)).obligations.map((o) => o.kind)).toEqual(['inform-parents']);
  });

  it('refuses a removal until the teacher and the parents have been heard (P6)', () => {
    const removal = () => measure({ measure: 'removal' }, board);
    expect(given(pupilIncidentDecider, reported()).when(removal())).toMatchObject({ rule: 'P6' });
    const onlyParent = play(pupilIncidentDecider, [report(), hearing('parent-bully')]);
    expect(given(pupilIncidentDecider, onlyParent).when(removal())).toMatchObject({ rule: 'P6' });
  });

  it('opens the removal clocks: eight weeks to find a school, six weeks for reconsideration (P6)', () => {
    const history = play(pupilIncidentDecider, [report(), hearing('staff-teacher-1', 'staff'), hearing('parent-bully')]);
    const removal = measure({ measure: 'removal' }, board);
    expect(imposed(given(pupilIncidentDecider, history).when(removal)).obligations).toEqual([
      expect.objectContaining({ kind: 'inform-parents' }),
      { obligationId: removal.data.obligationIds.removalPlacement, kind: 'removal-placement', regarding: removal.data.measureId, dueAt: '2026-12-30T10:00:00.000Z' },
      { obligationId: removal.data.obligationIds.reconsiderationWindow, kind: 'removal-reconsideration-window', regarding: removal.data.measureId, dueAt: '2026-12-16T10:00:00.000Z' },
    ]);
  });

  it('needs the kind of a heard person who is not involved in the case (P6)', () => {
    expect(given(pupilIncidentDecider, reported()).when(hearing('staff-teacher-7'))).toMatchObject({ rule: 'P6' });
    expect(given(pupilIncidentDecider, reported()).when(hearing('staff-teacher-7', 'staff'))).toMatchObject([
      { type: 'HearingHeld', data: { heardPersonKind: 'staff' } },
    ]);
  });

  it('refuses a hearing dated after the moment it is recorded (B4)', () => {
    const future = hearing('parent-bully');
    const decision = given(pupilIncidentDecider, reported()).when({ ...future, data: { ...future.data, heardAt: '2026-11-05T09:00:00.000Z' } });
    expect(decision).toMatchObject({ rule: 'B4' });
  });
});

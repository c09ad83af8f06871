import { given, play } from '@casebook/testing';
import { DEFAULT_POLICY } from '../shared/command-context';
import { decidePupilIncident } from './pupil-incident.decider';
import type { MeasureImposed } from './pupil-incident.events';
import { as, board, director, hearing, measure, pupilIncidentDecider, removalIntention, removalPrepared, report, teacher } from './pupil-incident.fixtures';

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
    ['a subject who is not a pupil of this case', { subjectId: 'staff-elsewhere' }],
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
    const notified = {
      type: 'RecordParentsInformedOfMeasure' as const,
      context: as(director),
      data: { regarding: warning.data.measureId, channel: 'phone' as const, informedAt: '2026-11-04T09:30:00.000Z' },
    };
    expect(given(pupilIncidentDecider, afterMeasure).when(notified)).toEqual([
      {
        type: 'ParentsInformed',
        data: {
          regarding: warning.data.measureId,
          closesObligationId: warning.data.obligationIds.informParents,
          channel: 'phone',
          informedAt: '2026-11-04T09:30:00.000Z',
          informedBy: director.id,
        },
      },
    ]);
    const afterNotice = play(pupilIncidentDecider, [report(), warning, notified]);
    expect(given(pupilIncidentDecider, afterNotice).state.informParentsOpen).toEqual({});
    expect(given(pupilIncidentDecider, afterNotice).when(notified)).toMatchObject({ rule: 'P2' });
  });

  it('refuses a removal by a director: the board removes a pupil (P3)', () => {
    const history = play(pupilIncidentDecider, [report(), ...removalPrepared()]);
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

  it('counts the week in school days: public holidays are not counted, a sixth school day is (P5, revision 2)', () => {
    // 21–28 December 2026: Christmas (Friday) and the weekend fall out, five school days in eight calendar days.
    const overChristmas = measure({ measure: 'suspension', startsOn: '2026-12-21', endsOn: '2026-12-28' });
    expect(given(pupilIncidentDecider, reported()).when(overChristmas)).toHaveLength(1);
    const oneMore = measure({ measure: 'suspension', startsOn: '2026-12-21', endsOn: '2026-12-29' });
    expect(given(pupilIncidentDecider, reported()).when(oneMore)).toMatchObject({ rule: 'P5' });
    const weekendOnly = measure({ measure: 'suspension', startsOn: '2026-11-14', endsOn: '2026-11-15' });
    expect(given(pupilIncidentDecider, reported()).when(weekendOnly)).toMatchObject({ rule: 'P1' });
  });

  it('refuses back-to-back suspensions of the same pupil that together exceed five school days (P5, revision 2)', () => {
    const suspension = (startsOn: string, endsOn: string, subjectId = 'pupil-bully') => measure({ measure: 'suspension', startsOn, endsOn, subjectId });
    const first = suspension('2026-11-09', '2026-11-11'); // Monday to Wednesday: three school days
    const history = play(pupilIncidentDecider, [report(), first]);
    expect(given(pupilIncidentDecider, history).when(suspension('2026-11-12', '2026-11-16'))).toMatchObject({ rule: 'P5' });
    expect(given(pupilIncidentDecider, history).when(suspension('2026-11-10', '2026-11-13'))).toMatchObject({ rule: 'P5' }); // overlapping
    expect(given(pupilIncidentDecider, history).when(suspension('2026-11-12', '2026-11-13'))).toHaveLength(1); // five in all
    expect(given(pupilIncidentDecider, history).when(suspension('2026-11-12', '2026-11-16', 'pupil-victim'))).toHaveLength(1); // another pupil

    // A full week ending on Friday: the Monday after is the next school day, so a suspension then still follows it.
    const week = play(pupilIncidentDecider, [report(), suspension('2026-11-09', '2026-11-13')]);
    expect(given(pupilIncidentDecider, week).when(suspension('2026-11-16', '2026-11-16'))).toMatchObject({ rule: 'P5' });
    expect(given(pupilIncidentDecider, week).when(suspension('2026-11-17', '2026-11-17'))).toHaveLength(1); // a school day between
    // Chains join on both sides: Monday–Tuesday and Thursday–Friday are bridged by a Wednesday.
    const twoEnds = play(pupilIncidentDecider, [report(), suspension('2026-11-09', '2026-11-10'), suspension('2026-11-12', '2026-11-13')]);
    expect(given(pupilIncidentDecider, twoEnds).when(suspension('2026-11-11', '2026-11-11'))).toHaveLength(1);
    const bridged = play(pupilIncidentDecider, [report(), suspension('2026-11-09', '2026-11-10'), suspension('2026-11-12', '2026-11-13')]);
    expect(given(pupilIncidentDecider, bridged).when(suspension('2026-11-11', '2026-11-16'))).toMatchObject({ rule: 'P5' });
  });

  it("counts the week in the school's own school days: the board's and the school's holidays are not counted (P5, CAL1)", () => {
    // The autumn break of school-1 (the fixture's school) is 19–23 October 2026; another school's break differs.
    const schoolHolidays = {
      holidays: [{ from: '2026-12-21', to: '2027-01-01' }],
      schools: { 'school-1': { holidays: [{ from: '2026-10-19', to: '2026-10-23' }] }, 'school-2': { holidays: [{ from: '2026-10-12', to: '2026-10-16' }] } },
    };
    const decider = {
      ...pupilIncidentDecider,
      decide: (command: Parameters<typeof pupilIncidentDecider.decide>[0], state: Parameters<typeof pupilIncidentDecider.decide>[1]) =>
        decidePupilIncident(command, state, { ...DEFAULT_POLICY, schoolHolidays }),
    };
    const suspension = (startsOn: string, endsOn: string) => measure({ measure: 'suspension', startsOn, endsOn });
    // Thursday 15 October to Wednesday 28 October: Thursday, Friday, Monday, Tuesday, Wednesday — the break between.
    expect(given(decider, reported()).when(suspension('2026-10-15', '2026-10-28'))).toHaveLength(1);
    expect(given(decider, reported()).when(suspension('2026-10-15', '2026-10-29'))).toMatchObject({ rule: 'P5' });
    // Without the school's calendar the same days are refused: ten working days.
    expect(given(pupilIncidentDecider, reported()).when(suspension('2026-10-15', '2026-10-28'))).toMatchObject({ rule: 'P5' });
    // A suspension in the break only covers no school day; one ending before it chains over it to the Monday after.
    expect(given(decider, reported()).when(suspension('2026-10-19', '2026-10-23'))).toMatchObject({ rule: 'P1' });
    const beforeBreak = play(decider, [report(), suspension('2026-10-12', '2026-10-16')]);
    expect(given(decider, beforeBreak).when(suspension('2026-10-26', '2026-10-26'))).toMatchObject({ rule: 'P5' });
    // The board's Christmas holidays count for every school: Friday 18 December and Monday 4 January are two school days.
    expect(given(decider, reported()).when(suspension('2026-12-18', '2027-01-04'))).toHaveLength(1);
  });

  it('keeps the written notice of a suspension open until a letter or e-mail is recorded: a phone call does not close it (P5, revision 2)', () => {
    const suspension = measure({ measure: 'suspension', startsOn: '2026-11-09', endsOn: '2026-11-09' });
    const history = play(pupilIncidentDecider, [report(), suspension]);
    const told = (channel: 'phone' | 'meeting' | 'letter' | 'e-mail') => ({
      type: 'RecordParentsInformedOfMeasure' as const,
      context: as(director),
      data: { regarding: suspension.data.measureId, channel, informedAt: '2026-11-04T09:30:00.000Z' },
    });
    expect(given(pupilIncidentDecider, history).when(told('phone'))).toMatchObject({ rule: 'P5' });
    expect(given(pupilIncidentDecider, history).when(told('meeting'))).toMatchObject({ rule: 'P5' });
    expect(given(pupilIncidentDecider, history).state.informParentsOpen).toHaveProperty(suspension.data.measureId);
    expect(given(pupilIncidentDecider, history).when(told('letter'))).toMatchObject([{ type: 'ParentsInformed', data: { channel: 'letter' } }]);
    expect(given(pupilIncidentDecider, history).when(told('e-mail'))).toMatchObject([{ type: 'ParentsInformed', data: { channel: 'e-mail' } }]);
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

  it("refuses a removal until the intention is recorded and the pupil's own class teacher and parents are heard after it (P6)", () => {
    const removal = () => measure({ measure: 'removal' }, board);
    expect(given(pupilIncidentDecider, reported()).when(removal())).toMatchObject({ rule: 'P6', message: expect.stringMatching(/intention/) });
    // Revision 1 hearings (no heardAs) and hearings before the intention do not count.
    const before = play(pupilIncidentDecider, [
      report(),
      hearing('staff-teacher-1', 'staff', 'class-teacher', 'pupil-bully'),
      hearing('parent-bully', 'parent', 'parent', 'pupil-bully'),
      removalIntention(),
    ]);
    expect(given(pupilIncidentDecider, before).when(removal())).toMatchObject({ rule: 'P6' });
    const onlyTeacher = play(pupilIncidentDecider, [report(), removalIntention(), hearing('staff-teacher-1', 'staff', 'class-teacher', 'pupil-bully')]);
    expect(given(pupilIncidentDecider, onlyTeacher).when(removal())).toMatchObject({ rule: 'P6', message: expect.stringMatching(/parents/) });
    // The victim's parent heard does not count for the perpetrator.
    const wrongParent = play(pupilIncidentDecider, [
      report(),
      removalIntention(),
      hearing('staff-teacher-1', 'staff', 'class-teacher', 'pupil-bully'),
      hearing('parent-victim', 'parent', 'parent', 'pupil-victim'),
    ]);
    expect(given(pupilIncidentDecider, wrongParent).when(removal())).toMatchObject({ rule: 'P6' });
    expect(given(pupilIncidentDecider, play(pupilIncidentDecider, [report(), ...removalPrepared()])).when(removal())).toMatchObject([
      { type: 'MeasureImposed' },
    ]);
  });

  it('records whose hearing it was: a class teacher or a parent of a pupil of the case, named (P6)', () => {
    expect(given(pupilIncidentDecider, reported()).when(hearing('parent-x', 'parent', 'parent'))).toMatchObject({
      rule: 'P6',
      message: expect.stringMatching(/ofPupilId/),
    });
    expect(given(pupilIncidentDecider, reported()).when(hearing('parent-x', 'parent', 'parent', 'pupil-elsewhere'))).toMatchObject({ rule: 'P6' });
    expect(given(pupilIncidentDecider, reported()).when(hearing('parent-x', 'parent', 'class-teacher', 'pupil-bully'))).toMatchObject({ rule: 'P6' });
    expect(given(pupilIncidentDecider, reported()).when(hearing('staff-teacher-1', 'staff', 'class-teacher', 'pupil-bully'))).toMatchObject([
      { type: 'HearingHeld', data: { heardAs: 'class-teacher', ofPupilId: 'pupil-bully', heardPersonKind: 'staff' } },
    ]);
  });

  it("opens the removal clocks and notices: eight weeks to find a school, the parents' six weeks, Inspectorate and attendance officer (P6)", () => {
    const history = play(pupilIncidentDecider, [report(), ...removalPrepared()]);
    const removal = measure({ measure: 'removal' }, board);
    const ids = removal.data.obligationIds;
    expect(imposed(given(pupilIncidentDecider, history).when(removal)).obligations).toEqual([
      expect.objectContaining({ kind: 'inform-parents' }),
      { obligationId: ids.removalPlacement, kind: 'removal-placement', regarding: removal.data.measureId, dueAt: '2026-12-30T10:00:00.000Z' },
      { obligationId: ids.reconsiderationWindow, kind: 'removal-reconsideration-window', regarding: removal.data.measureId, dueAt: '2026-12-16T10:00:00.000Z' },
      { obligationId: ids.removalInspectorate, kind: 'report-removal-to-inspectorate', regarding: removal.data.measureId, dueAt: '2026-11-06T10:00:00.000Z' },
      { obligationId: ids.attendanceOfficer, kind: 'inform-attendance-officer', regarding: removal.data.measureId, dueAt: '2026-11-06T10:00:00.000Z' },
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

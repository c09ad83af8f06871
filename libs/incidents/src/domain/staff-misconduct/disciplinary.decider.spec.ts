import { given, play } from '@casebook/testing';
import type { StaffMisconductCommand } from './staff-misconduct.commands';
import { as, board, director, qualify, staffDecider } from './staff-misconduct.fixtures';

// Revision 2 of S9, S11, S12, S13: who may be disciplined, what must come first, and what the board cannot do alone.
const PERPETRATOR = 'staff-teacher-5';
const WITNESS = 'staff-teacher-6';
const report = (): StaffMisconductCommand => ({
  type: 'ReportStaffMisconduct',
  context: as(director),
  statutoryObligationId: 'statutory-item-1',
  report: {
    type: 'ReportIncident',
    context: as(director),
    data: {
      incidentId: 'staff-case-2',
      schoolId: 'school-1',
      category: 'decency-violated',
      occurredAt: '2026-11-01T20:00:00.000Z',
      summary: 'Insulting posts about a colleague',
      involved: [
        { personId: PERPETRATOR, personKind: 'staff', role: 'perpetrator' },
        { personId: WITNESS, personKind: 'staff', role: 'witness' },
      ],
    },
  },
});

let sequence = 0;
const measure = (data: Record<string, unknown> = {}, actor = board): StaffMisconductCommand => ({
  type: 'ImposeDisciplinaryMeasure',
  context: as(actor),
  data: { measureId: `dm-${++sequence}`, subjectId: PERPETRATOR, measure: 'reprimand', reason: 'Broke the protocol twice', ...data } as never,
});
const intention = (measureKind = 'reprimand', announcedAt = '2026-11-02T09:00:00.000Z', subjectId = PERPETRATOR): StaffMisconductCommand => ({
  type: 'AnnounceDisciplinaryIntention',
  context: as(board),
  data: { intentionId: `in-${++sequence}`, subjectId, measure: measureKind as never, announcedAt },
});
const hearing = (heardAt = '2026-11-04T09:00:00.000Z', heardPersonId = PERPETRATOR, actor = board): StaffMisconductCommand => ({
  type: 'RecordHearing',
  context: as(actor),
  data: { hearingId: `h-${++sequence}`, heardPersonId, heardAs: 'staff-member', heardAt, summary: 'Heard with a union representative' },
});
const prepared = (measureKind = 'reprimand') => play(staffDecider, [report(), qualify('dereliction-of-duty'), intention(measureKind), hearing()]);
const summaryDismissal = (data: Record<string, unknown> = {}) =>
  measure({ measure: 'summary-dismissal', communicatedAt: '2026-11-06T09:00:00.000Z', factsKnownAt: '2026-11-03T09:00:00.000Z', ...data });

describe('disciplinary measures, revision 2', () => {
  it("disciplines only the case's perpetrator: never a witness (S9)", () => {
    const history = play(staffDecider, [report()]);
    expect(given(staffDecider, history).when(measure({ measure: 'warning', subjectId: WITNESS }))).toMatchObject({
      rule: 'S9',
      message: expect.stringMatching(/perpetrator/),
    });
    expect(given(staffDecider, history).when(intention('reprimand', undefined, WITNESS))).toMatchObject({ rule: 'S9' });
    expect(given(staffDecider, history).when(measure({ measure: 'warning' }))).toMatchObject([{ type: 'DisciplinaryMeasureImposed' }]);
  });

  it('needs the qualification (S8) before any measure but a warning (S9)', () => {
    const unqualified = play(staffDecider, [report(), intention(), hearing()]);
    expect(given(staffDecider, unqualified).when(measure())).toMatchObject({ rule: 'S9', message: expect.stringMatching(/S8/) });
    expect(given(staffDecider, prepared()).when(measure())).toMatchObject([{ type: 'DisciplinaryMeasureImposed', data: { measure: 'reprimand' } }]);
  });

  it('needs the written intention and then the hearing of the staff member before the measure (S12)', () => {
    const noIntention = play(staffDecider, [report(), qualify('dereliction-of-duty'), hearing()]);
    expect(given(staffDecider, noIntention).when(measure())).toMatchObject({ rule: 'S12', message: expect.stringMatching(/announces its intention/) });
    const notHeard = play(staffDecider, [report(), qualify('dereliction-of-duty'), intention()]);
    expect(given(staffDecider, notHeard).when(measure())).toMatchObject({ rule: 'S12' });
    // Heard before the intention was announced: not the hearing S12 asks for.
    const heardFirst = play(staffDecider, [report(), qualify('dereliction-of-duty'), hearing('2026-11-01T09:00:00.000Z'), intention()]);
    expect(given(staffDecider, heardFirst).when(measure())).toMatchObject({ rule: 'S12' });
    // The witness heard does not count for the perpetrator.
    const witnessHeard = play(staffDecider, [report(), qualify('dereliction-of-duty'), intention(), hearing(undefined, WITNESS)]);
    expect(given(staffDecider, witnessHeard).when(measure())).toMatchObject({ rule: 'S12' });
    // An intention of a lighter measure does not cover a heavier one; a heavier one covers a lighter.
    expect(given(staffDecider, prepared('reprimand')).when(measure({ measure: 'suspension', startsOn: '2026-11-09' }))).toMatchObject({ rule: 'S12' });
    expect(given(staffDecider, prepared('suspension')).when(measure())).toMatchObject([{ data: { measure: 'reprimand' } }]);
  });

  it('lets only the board announce an intention and hear the staff member, never in the future, and not for a warning (S12)', () => {
    const history = play(staffDecider, [report()]);
    expect(given(staffDecider, history).when({ ...intention(), context: as(director) })).toMatchObject({ rule: 'S12', violation: 'forbidden' });
    expect(given(staffDecider, history).when(intention('warning'))).toMatchObject({ rule: 'S12' });
    expect(given(staffDecider, history).when(intention('reprimand', '2026-11-07T09:00:00.000Z'))).toMatchObject({ rule: 'B4' });
    expect(given(staffDecider, history).when(hearing(undefined, undefined, director))).toMatchObject({ rule: 'S12', violation: 'forbidden' });
    expect(given(staffDecider, history).when(hearing(undefined, 'staff-unknown'))).toMatchObject({ rule: 'S12' });
    expect(given(staffDecider, history).when(hearing())).toMatchObject([
      { type: 'HearingHeld', data: { heardPersonId: PERPETRATOR, heardAs: 'staff-member', heardPersonKind: 'staff' } },
    ]);
  });

  it('refuses a dismissal imposed by the board alone: it is a procedure (S13)', () => {
    expect(given(staffDecider, prepared('summary-dismissal')).when(measure({ measure: 'dismissal' }))).toMatchObject({ rule: 'S13' });
    expect(given(staffDecider, play(staffDecider, [report()])).when(intention('dismissal'))).toMatchObject({ rule: 'S13' });
  });

  it('imposes a suspension pending investigation at any time, without qualification or hearing, with its start (S13)', () => {
    const history = play(staffDecider, [report()]);
    const pending = measure({ measure: 'suspension-pending-investigation', startsOn: '2026-11-09' });
    expect(given(staffDecider, history).when(pending)).toMatchObject([
      { type: 'DisciplinaryMeasureImposed', data: { measure: 'suspension-pending-investigation', startsOn: '2026-11-09' } },
    ]);
    expect(given(staffDecider, history).when(measure({ measure: 'suspension-pending-investigation' }))).toMatchObject({ rule: 'S13' });
    expect(
      given(staffDecider, history).when(measure({ measure: 'suspension-pending-investigation', startsOn: '2026-11-09', subjectId: WITNESS })),
    ).toMatchObject({ rule: 'S13' });
    expect(given(staffDecider, history).when({ ...pending, context: as(director) })).toMatchObject({ rule: 'S9', violation: 'forbidden' });
  });

  it('records a dismissal procedure by its route and its outcome, one open at a time, for the perpetrator (S13)', () => {
    const start = (data: Record<string, unknown> = {}, actor = board): StaffMisconductCommand => ({
      type: 'StartDismissalProcedure',
      context: as(actor),
      data: { procedureId: `dp-${++sequence}`, subjectId: PERPETRATOR, route: 'cantonal-court', startedAt: '2026-11-05T09:00:00.000Z', ...data } as never,
    });
    const outcome = (data: Record<string, unknown> = {}): StaffMisconductCommand => ({
      type: 'RecordDismissalOutcome',
      context: as(board),
      data: { outcome: 'granted', decidedAt: '2026-11-06T09:00:00.000Z', ...data } as never,
    });
    const history = play(staffDecider, [report()]);
    expect(given(staffDecider, history).when(start({}, director))).toMatchObject({ rule: 'S13', violation: 'forbidden' });
    expect(given(staffDecider, history).when(start({ subjectId: WITNESS }))).toMatchObject({ rule: 'S13' });
    expect(given(staffDecider, history).when(start({ startedAt: '2026-11-07T09:00:00.000Z' }))).toMatchObject({ rule: 'B4' });
    expect(given(staffDecider, history).when(outcome())).toMatchObject({ rule: 'S13', violation: 'not-found' });
    const started = play(staffDecider, [report(), start()]);
    expect(given(staffDecider, started).when(start())).toMatchObject({ rule: 'S13' }); // one open at a time
    expect(given(staffDecider, started).when(outcome({ decidedAt: '2026-11-04T09:00:00.000Z' }))).toMatchObject({ rule: 'S13' }); // before it started
    expect(given(staffDecider, started).when(outcome())).toMatchObject([
      { type: 'DismissalProcedureConcluded', data: { subjectId: PERPETRATOR, outcome: 'granted' } },
    ]);
    const concluded = play(staffDecider, [report(), start(), outcome({ outcome: 'refused' })]);
    expect(given(staffDecider, concluded).when(outcome())).toMatchObject({ rule: 'S13', violation: 'not-found' });
    expect(given(staffDecider, concluded).when(start({ route: 'uwv' }))).toMatchObject([{ type: 'DismissalProcedureStarted', data: { route: 'uwv' } }]);
  });

  it('gives a summary dismissal with its reason, when it was communicated and when the facts were known (S11)', () => {
    const ready = prepared('summary-dismissal');
    expect(given(staffDecider, ready).when(summaryDismissal({ communicatedAt: undefined }))).toMatchObject({ rule: 'S11' });
    expect(given(staffDecider, ready).when(summaryDismissal({ factsKnownAt: undefined }))).toMatchObject({ rule: 'S11' });
    expect(given(staffDecider, ready).when(summaryDismissal({ reason: ' ' }))).toMatchObject({ rule: 'S11' });
    expect(given(staffDecider, ready).when(summaryDismissal({ factsKnownAt: '2026-11-06T09:30:00.000Z' }))).toMatchObject({ rule: 'S11' }); // after it was given
    expect(given(staffDecider, ready).when(summaryDismissal())).toMatchObject([
      { data: { measure: 'summary-dismissal', factsKnownAt: '2026-11-03T09:00:00.000Z', delayReason: null } },
    ]);
  });

  it('asks the reason for the time taken when more than five working days lie between the facts and the dismissal (S11)', () => {
    const ready = prepared('summary-dismissal');
    // Known Thursday 29 October; five working days later is Thursday 5 November; given Friday 6 November.
    const late = summaryDismissal({ factsKnownAt: '2026-10-29T08:00:00.000Z' });
    expect(given(staffDecider, ready).when(late)).toMatchObject({ rule: 'S11', message: expect.stringMatching(/delayReason/) });
    const explained = summaryDismissal({ factsKnownAt: '2026-10-29T08:00:00.000Z', delayReason: 'The staff member was ill and was heard on 4 November' });
    expect(given(staffDecider, ready).when(explained)).toMatchObject([{ data: { delayReason: 'The staff member was ill and was heard on 4 November' } }]);
    // Exactly five working days (Friday 30 October to Friday 6 November) need no reason.
    expect(given(staffDecider, ready).when(summaryDismissal({ factsKnownAt: '2026-10-30T09:00:00.000Z' }))).toHaveLength(1);
  });
});

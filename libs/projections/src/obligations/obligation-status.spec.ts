import { obligationStatus } from './obligations.query';

describe('obligation status', () => {
  const due = new Date('2026-12-16T10:00:00.000Z');
  const after = new Date('2026-12-17T10:00:00.000Z');
  const before = new Date('2026-12-15T10:00:00.000Z');

  it("lets the parents' objection window lapse by itself: shown open, then lapsed, never overdue for the school (P6)", () => {
    expect(obligationStatus('removal-reconsideration-window', due, null, before)).toBe('open');
    expect(obligationStatus('removal-reconsideration-window', due, null, after)).toBe('lapsed');
    expect(obligationStatus('removal-reconsideration-window', due, before, after)).toBe('done');
  });

  it("makes the school's own obligations overdue past their due time (P2, P6)", () => {
    expect(obligationStatus('removal-placement', due, null, after)).toBe('overdue');
    expect(obligationStatus('inform-parents', due, null, before)).toBe('open');
    expect(obligationStatus('decide-objection', due, after, after)).toBe('done');
  });
});

import { counterOf, decideCaseNumber, formatCaseNumber } from './case-number';
import type { CaseNumberAssigned } from './case-number.events';

const claim = (incidentId: string) => ({ incidentId, caseKind: 'pupil-incident' as const, year: 2026 });

describe('case numbers', () => {
  it('numbers cases <year>-<sequence>, four digits at least', () => {
    expect(formatCaseNumber(2026, 42)).toBe('2026-0042');
    expect(formatCaseNumber(2026, 12345)).toBe('2026-12345');
  });

  it("gives the next number after the counter's last, and a case that has one its own again (a retry)", () => {
    const first = decideCaseNumber(counterOf([]), claim('a'));
    expect(first).toEqual({
      event: { type: 'CaseNumberAssigned', data: { incidentId: 'a', caseKind: 'pupil-incident', year: 2026, sequence: 1, caseNumber: '2026-0001' } },
    });
    const history = [(first as { event: CaseNumberAssigned }).event];
    expect(decideCaseNumber(counterOf(history), claim('b'))).toMatchObject({ event: { data: { sequence: 2, caseNumber: '2026-0002' } } });
    expect(decideCaseNumber(counterOf(history), claim('a'))).toEqual({ existing: '2026-0001' });
  });
});

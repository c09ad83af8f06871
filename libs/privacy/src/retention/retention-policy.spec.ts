import { addYears, type RetentionFacts, retentionReport } from './retention-policy';

const policy = { pupilYears: 2, staffYears: 2, othersYears: 2, seriousYears: 7 };
const person = (personId: string, leftOn: string, extra: Partial<RetentionFacts> = {}): RetentionFacts => ({
  personId,
  personKind: 'pupil',
  leftOn,
  serious: false,
  heldCases: [],
  erasedAt: null,
  ...extra,
});

describe('retention (domain spec, Privacy) with a fixed clock', () => {
  const today = '2026-11-25';
  const register = [
    person('pupil-ended', '2024-07-15'),
    person('pupil-ends-today', '2024-11-25'),
    person('pupil-not-yet', '2024-11-26'),
    person('staff-ended', '2023-01-31', { personKind: 'staff' }),
    person('pupil-serious', '2020-07-15', { serious: true }),
    person('pupil-serious-ended', '2019-11-25', { serious: true }),
    person('pupil-held', '2020-07-15', { heldCases: ['case-1'] }),
    person('pupil-erased', '2020-07-15', { erasedAt: '2024-01-01T00:00:00.000Z' }),
    person('parent-last-case-closed', '2024-11-01', { personKind: 'parent' }),
    person('external-last-case-recent', '2025-01-01', { personKind: 'external' }),
  ];

  it('lists exactly the people whose period has ended, and those of them under a legal hold apart (HOLD)', () => {
    const report = retentionReport(register, today, policy);
    expect(report.due.map((v) => v.personId)).toEqual(['pupil-ended', 'pupil-ends-today', 'staff-ended', 'pupil-serious-ended', 'parent-last-case-closed']);
    expect(report.held.map((v) => v.personId)).toEqual(['pupil-held']);
    expect(report.due[0]).toEqual({
      personId: 'pupil-ended',
      endsOn: '2026-07-15',
      heldCases: [],
      reason: 'pupil left school on 2024-07-15; retention of 2 years ended on 2026-07-15',
    });
    expect(report.due[3]!.reason).toContain('7 years (perpetrator in a case with a police report or dismissal)');
    expect(report.due[4]!.reason).toBe('parent had the last case closed on 2024-11-01; retention of 2 years ended on 2026-11-01');
  });

  it('counts whole years, 29 February falling back to 28', () => {
    expect(addYears('2024-02-29', 2)).toBe('2026-02-28');
    expect(addYears('2024-07-15', 7)).toBe('2031-07-15');
  });
});

import { addWorkingDays, schoolYearOf } from './calendar';
import { DEFAULT_POLICY } from './command-context';

describe('calendar', () => {
  it.each([
    ['2026-07-31T23:59:59.000Z', 2025],
    ['2026-08-01T00:00:00.000Z', 2026],
    ['2027-07-31T12:00:00.000Z', 2026],
  ])('puts %s in school year %s (M5: 1 August to 31 July)', (moment, year) => {
    expect(schoolYearOf(moment, DEFAULT_POLICY)).toBe(year);
  });

  it('follows a configured school-year start (M5: configurable)', () => {
    expect(schoolYearOf('2026-08-15T00:00:00.000Z', { schoolYearStart: { month: 9, day: 1 } })).toBe(2025);
  });

  it('does not count Saturdays and Sundays as working days (B1)', () => {
    expect(addWorkingDays('2026-11-06T10:00:00.000Z', 1)).toBe('2026-11-09T10:00:00.000Z'); // Friday → Monday
    expect(addWorkingDays('2026-11-04T10:00:00.000Z', 1)).toBe('2026-11-05T10:00:00.000Z'); // Wednesday → Thursday
  });
});

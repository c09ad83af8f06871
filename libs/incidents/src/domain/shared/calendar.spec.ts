import { DUTCH_WORKING_DAYS, addWorkingDays, schoolYearOf } from './calendar';
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
    expect(addWorkingDays('2026-11-06T10:00:00.000Z', 1, DUTCH_WORKING_DAYS)).toBe('2026-11-09T10:00:00.000Z'); // Friday → Monday
    expect(addWorkingDays('2026-11-04T10:00:00.000Z', 1, DUTCH_WORKING_DAYS)).toBe('2026-11-05T10:00:00.000Z'); // Wednesday → Thursday
  });

  it('does not count public holidays as working days (CAL1; B1 call within one working day; B2, P5)', () => {
    // Thursday 24 December 2026, 11:00 in Amsterdam: Christmas and Boxing Day (a Saturday) and Sunday pass.
    expect(addWorkingDays('2026-12-24T10:00:00.000Z', 1, DUTCH_WORKING_DAYS)).toBe('2026-12-28T10:00:00.000Z');
    // Wednesday 13 May 2026: Ascension Day on the 14th; Friday 15 May is the working day after.
    expect(addWorkingDays('2026-05-13T08:00:00.000Z', 1, DUTCH_WORKING_DAYS)).toBe('2026-05-15T08:00:00.000Z');
    // Five working days (B2) from Friday 24 April 2026 pass King's Day (Monday 27) and Liberation Day (Tuesday 5 May).
    expect(addWorkingDays('2026-04-24T08:00:00.000Z', 5, DUTCH_WORKING_DAYS)).toBe('2026-05-04T08:00:00.000Z');
    expect(addWorkingDays('2026-04-24T08:00:00.000Z', 6, DUTCH_WORKING_DAYS)).toBe('2026-05-06T08:00:00.000Z');
  });

  it('counts working days in Amsterdam, to the same local time (B1)', () => {
    // Saturday 7 November 2026 at 00:30 in Amsterdam is still Friday in UTC: the next working day is Monday, 00:30 local.
    expect(addWorkingDays('2026-11-06T23:30:00.000Z', 1, DUTCH_WORKING_DAYS)).toBe('2026-11-08T23:30:00.000Z');
    // Friday 23 October 2026 at 10:00 summer time, due Monday 26 October at 10:00 winter time.
    expect(addWorkingDays('2026-10-23T08:00:00.000Z', 1, DUTCH_WORKING_DAYS)).toBe('2026-10-26T09:00:00.000Z');
  });
});

import { dutchPublicHolidays, easterSunday } from './public-holidays';

// The calendar of domain.md revision 2 (its rule id stays on the pending list of rule-coverage.spec.ts until the
// school holidays and the settings file are in too): the public holidays that B1, B2 and P5 do not count.
describe('Dutch public holidays (B1, B2, P5 working days)', () => {
  it.each([
    [2019, '2019-04-21'],
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2027, '2027-03-28'],
    [2028, '2028-04-16'],
    [2029, '2029-04-01'],
    [2038, '2038-04-25'],
  ])('puts Easter Sunday %s on %s', (year, date) => {
    expect(easterSunday(year).toISOString().slice(0, 10)).toBe(date);
  });

  it("lists 2026: New Year, Easter Monday, King's Day, Liberation Day, Ascension, Whit Monday, Christmas, Boxing Day", () => {
    expect(dutchPublicHolidays(2026, { goodFriday: false })).toEqual([
      '2026-01-01',
      '2026-04-06',
      '2026-04-27',
      '2026-05-05',
      '2026-05-14',
      '2026-05-25',
      '2026-12-25',
      '2026-12-26',
    ]);
  });

  it('adds Good Friday only where the board says so', () => {
    expect(dutchPublicHolidays(2026, { goodFriday: true })).toContain('2026-04-03');
    expect(dutchPublicHolidays(2026, { goodFriday: false })).not.toContain('2026-04-03');
  });

  it("moves King's Day to the Saturday before when 27 April is a Sunday (2025, 2031)", () => {
    expect(dutchPublicHolidays(2025, { goodFriday: false })).toContain('2025-04-26');
    expect(dutchPublicHolidays(2031, { goodFriday: false })).toContain('2031-04-26');
    expect(dutchPublicHolidays(2031, { goodFriday: false })).not.toContain('2031-04-27');
  });
});

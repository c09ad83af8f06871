import { localIsoDateOf } from './local-date';

// "Today" is a day where the school is: a staff member's leaving date (DIR3, DIR4), the retention job's day and the
// caseload's from/to are Amsterdam days, not UTC days.
describe('localIsoDateOf', () => {
  it('is already tomorrow in Amsterdam at 23:30 UTC, winter and summer', () => {
    expect(localIsoDateOf(new Date('2026-12-06T23:30:00Z'), 'Europe/Amsterdam')).toBe('2026-12-07');
    expect(localIsoDateOf(new Date('2026-07-06T22:30:00Z'), 'Europe/Amsterdam')).toBe('2026-07-07');
  });

  it('is still today just before midnight there', () => {
    expect(localIsoDateOf(new Date('2026-12-06T22:59:59Z'), 'Europe/Amsterdam')).toBe('2026-12-06');
    expect(localIsoDateOf(new Date('2026-12-06T23:30:00Z'), 'UTC')).toBe('2026-12-06');
  });
});

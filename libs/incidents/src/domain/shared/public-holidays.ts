/**
 * The Dutch public holidays of domain.md revision 2 (CAL1): New Year's Day, Easter Monday, King's Day, Liberation
 * Day, Ascension Day, Whit Monday, Christmas and Boxing Day, and Good Friday where the board says so. Computed per
 * year, so no list has to be kept up to date. Dates are local calendar dates, `YYYY-MM-DD`.
 */
export interface PublicHolidayOptions {
  /** Good Friday is a day off by collective agreement at some boards, not by law (CAL1: "where the board says so"). */
  readonly goodFriday: boolean;
}

export function dutchPublicHolidays(year: number, options: PublicHolidayOptions): readonly string[] {
  const easter = easterSunday(year);
  const fromEaster = (days: number) => isoDate(new Date(easter.getTime() + days * 86_400_000));
  const fixed = (month: number, day: number) => isoDate(new Date(Date.UTC(year, month - 1, day)));
  // King's Day is 27 April, or the Saturday before when the 27th is a Sunday (Wet van 2013, Koningsdag).
  const kingsDay = new Date(Date.UTC(year, 3, 27)).getUTCDay() === 0 ? fixed(4, 26) : fixed(4, 27);
  return [
    fixed(1, 1),
    ...(options.goodFriday ? [fromEaster(-2)] : []),
    fromEaster(1),
    kingsDay,
    fixed(5, 5),
    fromEaster(39),
    fromEaster(50),
    fixed(12, 25),
    fixed(12, 26),
  ].sort();
}

/** Easter Sunday of the Gregorian calendar (the anonymous Gregorian algorithm, "Meeus/Jones/Butcher"), at 00:00 UTC. */
export function easterSunday(year: number): Date {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return new Date(Date.UTC(year, month - 1, day));
}

function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

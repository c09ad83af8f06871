/**
 * The end of a school day at the school (M1, M2), in its time zone: configured as a local time of day.
 * Weekends are not school days; holidays are not known here (a director sets custodyUntil where it matters).
 */
export interface SchoolCalendar {
  readonly timeZone: string;
  /** "HH:MM", local time. */
  readonly schoolDayEndsAt: string;
}

export const DEFAULT_SCHOOL_CALENDAR: SchoolCalendar = { timeZone: 'Europe/Amsterdam', schoolDayEndsAt: '15:00' };

/** End of the school day on the local date of `now` (or the next school day when `now` is in a weekend). */
export function endOfSchoolDay(now: string, calendar: SchoolCalendar, daysAhead = 0): string {
  let date = localDate(new Date(now), calendar.timeZone);
  while (isWeekend(date)) date = nextDate(date);
  for (let step = 0; step < daysAhead; step++) {
    do date = nextDate(date);
    while (isWeekend(date));
  }
  const [hours, minutes] = calendar.schoolDayEndsAt.split(':').map(Number) as [number, number];
  return atLocalTime(date, hours, minutes, calendar.timeZone).toISOString();
}

type LocalDate = { readonly year: number; readonly month: number; readonly day: number };

function localDate(moment: Date, timeZone: string): LocalDate {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(moment);
  const get = (type: string): number => Number(parts.find((p) => p.type === type)!.value);
  return { year: get('year'), month: get('month'), day: get('day') };
}

function nextDate(date: LocalDate): LocalDate {
  const next = new Date(Date.UTC(date.year, date.month - 1, date.day + 1));
  return { year: next.getUTCFullYear(), month: next.getUTCMonth() + 1, day: next.getUTCDate() };
}

function isWeekend(date: LocalDate): boolean {
  const weekday = new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay();
  return weekday === 0 || weekday === 6;
}

/** The instant that is `hours:minutes` on `date` in `timeZone` (the zone's offset on that day, DST included). */
function atLocalTime(date: LocalDate, hours: number, minutes: number, timeZone: string): Date {
  const guess = Date.UTC(date.year, date.month - 1, date.day, hours, minutes);
  const offsetMinutes = (at: number): number => {
    const local = new Intl.DateTimeFormat('en-CA', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' }).formatToParts(new Date(at));
    const get = (type: string): number => Number(local.find((p) => p.type === type)!.value);
    return (Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute')) - at) / 60_000;
  };
  return new Date(guess - offsetMinutes(guess - offsetMinutes(guess) * 60_000) * 60_000);
}

/**
 * For M1/M2: the end of the school day still to come at `now` (today's, or the next school day's when today's
 * has passed, e.g. a device taken at an evening activity), and the end of the school day after that.
 */
export function schoolDayEnds(now: string, calendar: SchoolCalendar): { readonly current: string; readonly next: string } {
  const today = endOfSchoolDay(now, calendar);
  const current = Date.parse(today) > Date.parse(now) ? today : endOfSchoolDay(now, calendar, 1);
  return { current, next: endOfSchoolDay(current, calendar, 1) };
}

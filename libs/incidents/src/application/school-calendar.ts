import { DUTCH_WORKING_DAYS, type WorkingDayCalendar, isWorkingDay } from '../domain/shared/calendar';
import { atLocalTime, localDateOf, nextDate } from '../domain/shared/local-date';

/**
 * The end of a school day at the school (M1, M2), in its time zone: configured as a local time of day. Weekends and
 * public holidays are not school days (CAL1); a school's own holiday weeks are not known here yet (issue #16's
 * settings), so a director sets custodyUntil where it matters.
 */
export interface SchoolCalendar extends WorkingDayCalendar {
  /** "HH:MM", local time. */
  readonly schoolDayEndsAt: string;
}

export const DEFAULT_SCHOOL_CALENDAR: SchoolCalendar = { ...DUTCH_WORKING_DAYS, schoolDayEndsAt: '15:00' };

/** End of the school day on the local date of `now` (or the next school day when `now` is not a school day). */
export function endOfSchoolDay(now: string, calendar: SchoolCalendar, daysAhead = 0): string {
  let date = localDateOf(new Date(now), calendar.timeZone);
  while (!isWorkingDay(date, calendar)) date = nextDate(date);
  for (let step = 0; step < daysAhead; step++) {
    do date = nextDate(date);
    while (!isWorkingDay(date, calendar));
  }
  const [hours, minutes] = calendar.schoolDayEndsAt.split(':').map(Number) as [number, number];
  return atLocalTime(date, { hours, minutes }, calendar.timeZone).toISOString();
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

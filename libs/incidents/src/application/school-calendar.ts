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
 * For M1/M2, from the moment the device was taken (given by the command, B4): the end of that school day when it is
 * still to come, else the moment itself — taken after the school day ended, or on a day without school (an evening or
 * weekend activity), the device may go home at once (M1, revision 2) — and the end of the next school day after the
 * day it was taken (M2's "kept longer" when the director sets nothing).
 */
export function schoolDayEnds(takenAt: string, calendar: SchoolCalendar): { readonly current: string; readonly next: string } {
  const day = localDateOf(new Date(takenAt), calendar.timeZone);
  const today = isWorkingDay(day, calendar) ? endOfSchoolDay(takenAt, calendar) : undefined;
  const current = today !== undefined && Date.parse(today) > Date.parse(takenAt) ? today : takenAt;
  return { current, next: endOfSchoolDay(takenAt, calendar, isWorkingDay(day, calendar) ? 1 : 0) };
}

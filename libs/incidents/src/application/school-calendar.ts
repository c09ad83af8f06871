import { type DateRange, DUTCH_WORKING_DAYS, type WorkingDayCalendar, isSchoolDayAt } from '../domain/shared/calendar';
import { type LocalDate, atLocalTime, localDateOf, nextDate } from '../domain/shared/local-date';

export type { DateRange } from '../domain/shared/calendar';

/**
 * The school days (M1, M2), in the board's time zone (CAL1): weekends, public holidays and the school holidays —
 * the board's and each school's own — are not school days; each school may end its day at its own time.
 */
export interface SchoolCalendar extends WorkingDayCalendar {
  /** "HH:MM", local time: the board's default end of the school day. */
  readonly schoolDayEndsAt: string;
  /** School holidays of every school of the board. */
  readonly holidays?: readonly DateRange[];
  /** Per school: its own end of the school day and holidays. */
  readonly schools?: Readonly<Record<string, { readonly schoolDayEndsAt?: string; readonly holidays?: readonly DateRange[] }>>;
}

export const DEFAULT_SCHOOL_CALENDAR: SchoolCalendar = { ...DUTCH_WORKING_DAYS, schoolDayEndsAt: '15:00' };

/** A school day at this school: a working day (CAL1) outside the board's and the school's holidays. */
export function isSchoolDay(date: LocalDate, calendar: SchoolCalendar, schoolId?: string): boolean {
  return isSchoolDayAt(date, calendar, calendar, schoolId);
}

/** End of the school day on the local date of `now` (or the next school day when `now` is not a school day). */
export function endOfSchoolDay(now: string, calendar: SchoolCalendar, daysAhead = 0, schoolId?: string): string {
  let date = localDateOf(new Date(now), calendar.timeZone);
  while (!isSchoolDay(date, calendar, schoolId)) date = nextDate(date);
  for (let step = 0; step < daysAhead; step++) {
    do date = nextDate(date);
    while (!isSchoolDay(date, calendar, schoolId));
  }
  const endsAt = (schoolId && calendar.schools?.[schoolId]?.schoolDayEndsAt) || calendar.schoolDayEndsAt;
  const [hours, minutes] = endsAt.split(':').map(Number) as [number, number];
  return atLocalTime(date, { hours, minutes }, calendar.timeZone).toISOString();
}

/**
 * For M1/M2, from the moment the device was taken (given by the command, B4): the end of that school day when it is
 * still to come, else the moment itself — taken after the school day ended, or on a day without school (an evening or
 * weekend activity), the device may go home at once (M1, revision 2) — and the end of the next school day after the
 * day it was taken (M2's "kept longer" when the director sets nothing).
 */
export function schoolDayEnds(takenAt: string, calendar: SchoolCalendar, schoolId?: string): { readonly current: string; readonly next: string } {
  const day = localDateOf(new Date(takenAt), calendar.timeZone);
  const schoolDay = isSchoolDay(day, calendar, schoolId);
  const today = schoolDay ? endOfSchoolDay(takenAt, calendar, 0, schoolId) : undefined;
  const current = today !== undefined && Date.parse(today) > Date.parse(takenAt) ? today : takenAt;
  return { current, next: endOfSchoolDay(takenAt, calendar, schoolDay ? 1 : 0, schoolId) };
}

/** The calendar with one school's end of the day as the directory gives it (M1: the directory's fact wins). */
export function withSchoolDayEnd(calendar: SchoolCalendar, schoolId: string, schoolDayEndsAt: string): SchoolCalendar {
  return { ...calendar, schools: { ...calendar.schools, [schoolId]: { ...calendar.schools?.[schoolId], schoolDayEndsAt } } };
}

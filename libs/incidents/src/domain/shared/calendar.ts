import { type LocalDate, atLocalTime, isWeekend, isoDateOf, localDateOf, localTimeOf, nextDate } from './local-date';
import { type PublicHolidayOptions, dutchPublicHolidays } from './public-holidays';

/** Where working days are counted: the board's time zone and its public holidays (domain.md revision 2, CAL1). */
export interface WorkingDayCalendar extends PublicHolidayOptions {
  readonly timeZone: string;
}

export const DUTCH_WORKING_DAYS: WorkingDayCalendar = { timeZone: 'Europe/Amsterdam', goodFriday: false };

/** A holiday, both days included (YYYY-MM-DD). */
export interface DateRange {
  readonly from: string;
  readonly to: string;
}

/** The school holidays (CAL1): the board's, for every school, and each school's own. */
export interface SchoolHolidays {
  readonly holidays?: readonly DateRange[];
  readonly schools?: Readonly<Record<string, { readonly holidays?: readonly DateRange[] }>>;
}

/** A school day at this school: a working day outside the board's and the school's holidays (M1, M2, P5; CAL1). */
export function isSchoolDayAt(date: LocalDate, calendar: PublicHolidayOptions, holidays: SchoolHolidays | undefined, schoolId?: string): boolean {
  if (!isWorkingDay(date, calendar)) return false;
  const day = isoDateOf(date);
  const ranges = [...(holidays?.holidays ?? []), ...((schoolId && holidays?.schools?.[schoolId]?.holidays) || [])];
  return !ranges.some((range) => range.from <= day && day <= range.to);
}

/**
 * School-year and date arithmetic on ISO strings, pure. A school year is named by the calendar year it
 * starts in: with the default start of 1 August, 2026-11-02 lies in school year 2026 and 2027-07-31 too.
 */
export function schoolYearOf(isoMoment: string, policy: { readonly schoolYearStart: { readonly month: number; readonly day: number } }): number {
  const date = new Date(isoMoment);
  const year = date.getUTCFullYear();
  const { month, day } = policy.schoolYearStart;
  const startsThisYear = Date.UTC(year, month - 1, day);
  return date.getTime() >= startsThisYear ? year : year - 1;
}

export function addHours(isoMoment: string, hours: number): string {
  return new Date(new Date(isoMoment).getTime() + hours * 3_600_000).toISOString();
}

/** A working day: not a Saturday or Sunday, not a public holiday (B1, B2, P5 "working days"; CAL1). */
export function isWorkingDay(date: LocalDate, calendar: PublicHolidayOptions): boolean {
  return !isWeekend(date) && !holidaysOf(date.year, calendar).has(isoDateOf(date));
}

/**
 * Adds working days, counted in the calendar's time zone, to the same local time of day: a qualification on
 * Thursday 24 December 2026 at 10:00 is due on Monday 28 December at 10:00 (B1 "within one working day": Christmas
 * and Boxing Day are not working days). From a day that is not a working day the count starts at the next one.
 */
export function addWorkingDays(isoMoment: string, days: number, calendar: WorkingDayCalendar): string {
  const moment = new Date(isoMoment);
  let date = localDateOf(moment, calendar.timeZone);
  for (let added = 0; added < days;) {
    date = nextDate(date);
    if (isWorkingDay(date, calendar)) added++;
  }
  return atLocalTime(date, localTimeOf(moment, calendar.timeZone), calendar.timeZone).toISOString();
}

// Holidays of a year, made once per year and option (a deadline is computed on every command that opens one).
const holidayCache = new Map<string, ReadonlySet<string>>();
function holidaysOf(year: number, options: PublicHolidayOptions): ReadonlySet<string> {
  const key = `${year}:${options.goodFriday}`;
  let holidays = holidayCache.get(key);
  if (!holidays) holidayCache.set(key, (holidays = new Set(dutchPublicHolidays(year, options))));
  return holidays;
}

export function isAfter(a: string, b: string): boolean {
  return new Date(a).getTime() > new Date(b).getTime();
}

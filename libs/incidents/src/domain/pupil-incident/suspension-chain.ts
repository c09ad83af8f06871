import { isWorkingDay } from '../shared/calendar';
import type { PublicHolidayOptions } from '../shared/public-holidays';
import { type LocalDate, isoDateOf, nextDate } from '../shared/local-date';

/** A suspension's school days, as calendar dates (YYYY-MM-DD), both included. */
export interface SuspensionPeriod {
  readonly startsOn: string;
  readonly endsOn: string;
}

const parse = (iso: string): LocalDate => {
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  return { year, month, day };
};

/** The school days from `first` to `last`, both included (CAL1: no weekends, no public holidays). */
export function schoolDaysIn(period: SuspensionPeriod, calendar: PublicHolidayOptions): string[] {
  const days: string[] = [];
  for (let date = parse(period.startsOn); isoDateOf(date) <= period.endsOn; date = nextDate(date)) {
    if (isWorkingDay(date, calendar)) days.push(isoDateOf(date));
  }
  return days;
}

/** The first school day after `iso`. */
function schoolDayAfter(iso: string, calendar: PublicHolidayOptions): string {
  let date = nextDate(parse(iso));
  while (!isWorkingDay(date, calendar)) date = nextDate(date);
  return isoDateOf(date);
}

/**
 * rule P5 (WPO art. 40c), revision 2: suspensions that follow each other count as one. Two are chained when one
 * starts on or before the school day after the other ends (overlapping ones too). Returns the school days of the
 * chain `added` would join — the days of every suspension connected to it, each day once.
 */
export function chainedSchoolDays(added: SuspensionPeriod, earlier: readonly SuspensionPeriod[], calendar: PublicHolidayOptions): string[] {
  const touches = (a: SuspensionPeriod, b: SuspensionPeriod) =>
    a.startsOn <= schoolDayAfter(b.endsOn, calendar) && b.startsOn <= schoolDayAfter(a.endsOn, calendar);
  const chain = [added];
  let rest = [...earlier];
  for (let grew = true; grew; ) {
    const joining = rest.filter((period) => chain.some((member) => touches(member, period)));
    grew = joining.length > 0;
    chain.push(...joining);
    rest = rest.filter((period) => !joining.includes(period));
  }
  return [...new Set(chain.flatMap((period) => schoolDaysIn(period, calendar)))].sort();
}

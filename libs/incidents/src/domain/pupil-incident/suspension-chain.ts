import { type LocalDate, isoDateOf, nextDate } from '../shared/local-date';

/** Whether a date is a school day of the pupil's school (CAL1: no weekends, public holidays or school holidays). */
export type SchoolDayTest = (date: LocalDate) => boolean;

/** A suspension's school days, as calendar dates (YYYY-MM-DD), both included. */
export interface SuspensionPeriod {
  readonly startsOn: string;
  readonly endsOn: string;
}

const parse = (iso: string): LocalDate => {
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  return { year, month, day };
};

/** The school days from `first` to `last`, both included. */
export function schoolDaysIn(period: SuspensionPeriod, isSchoolDay: SchoolDayTest): string[] {
  const days: string[] = [];
  for (let date = parse(period.startsOn); isoDateOf(date) <= period.endsOn; date = nextDate(date)) {
    if (isSchoolDay(date)) days.push(isoDateOf(date));
  }
  return days;
}

/** The first school day after `iso`. */
function schoolDayAfter(iso: string, isSchoolDay: SchoolDayTest): string {
  let date = nextDate(parse(iso));
  // A school holiday of months is not a school year's end: bounded, so a calendar of holidays only cannot loop.
  for (let step = 0; step < 400 && !isSchoolDay(date); step++) date = nextDate(date);
  return isoDateOf(date);
}

/**
 * rule P5 (WPO art. 40c), revision 2: suspensions that follow each other count as one. Two are chained when one
 * starts on or before the school day after the other ends (overlapping ones too). Returns the school days of the
 * chain `added` would join — the days of every suspension connected to it, each day once.
 */
export function chainedSchoolDays(added: SuspensionPeriod, earlier: readonly SuspensionPeriod[], isSchoolDay: SchoolDayTest): string[] {
  const touches = (a: SuspensionPeriod, b: SuspensionPeriod) =>
    a.startsOn <= schoolDayAfter(b.endsOn, isSchoolDay) && b.startsOn <= schoolDayAfter(a.endsOn, isSchoolDay);
  const chain = [added];
  let rest = [...earlier];
  for (let grew = true; grew;) {
    const joining = rest.filter((period) => chain.some((member) => touches(member, period)));
    grew = joining.length > 0;
    chain.push(...joining);
    rest = rest.filter((period) => !joining.includes(period));
  }
  return [...new Set(chain.flatMap((period) => schoolDaysIn(period, isSchoolDay)))].sort();
}

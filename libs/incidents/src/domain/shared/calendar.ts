import type { DomainPolicy } from './command-context';

/**
 * School-year and date arithmetic on ISO strings, pure. A school year is named by the calendar year it
 * starts in: with the default start of 1 August, 2026-11-02 lies in school year 2026 and 2027-07-31 too.
 */
export function schoolYearOf(isoMoment: string, policy: Pick<DomainPolicy, 'schoolYearStart'>): number {
  const date = new Date(isoMoment);
  const year = date.getUTCFullYear();
  const { month, day } = policy.schoolYearStart;
  const startsThisYear = Date.UTC(year, month - 1, day);
  return date.getTime() >= startsThisYear ? year : year - 1;
}

export function addHours(isoMoment: string, hours: number): string {
  return new Date(new Date(isoMoment).getTime() + hours * 3_600_000).toISOString();
}

/** Adds working days: Saturdays and Sundays are not counted (B1: "within one working day"). */
export function addWorkingDays(isoMoment: string, days: number): string {
  const date = new Date(isoMoment);
  let added = 0;
  while (added < days) {
    date.setUTCDate(date.getUTCDate() + 1);
    const weekday = date.getUTCDay();
    if (weekday !== 0 && weekday !== 6) added++;
  }
  return date.toISOString();
}

export function isAfter(a: string, b: string): boolean {
  return new Date(a).getTime() > new Date(b).getTime();
}

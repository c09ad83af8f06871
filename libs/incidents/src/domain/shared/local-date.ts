/**
 * Calendar dates and times of day where the school is (Europe/Amsterdam by default), pure: a deadline "within one
 * working day" or "at the end of the school day" is a local matter — a Saturday 00:30 in Amsterdam is a Friday in UTC,
 * and 10:00 stays 10:00 across a change of daylight-saving time.
 */
export type LocalDate = { readonly year: number; readonly month: number; readonly day: number };
export type LocalTime = { readonly hours: number; readonly minutes: number; readonly seconds: number; readonly milliseconds: number };

export function localDateOf(moment: Date, timeZone: string): LocalDate {
  const parts = localParts(moment, timeZone);
  return { year: parts.year, month: parts.month, day: parts.day };
}

export function localTimeOf(moment: Date, timeZone: string): LocalTime {
  const parts = localParts(moment, timeZone);
  return { hours: parts.hour, minutes: parts.minute, seconds: parts.second, milliseconds: moment.getUTCMilliseconds() };
}

export function nextDate(date: LocalDate): LocalDate {
  const next = new Date(Date.UTC(date.year, date.month - 1, date.day + 1));
  return { year: next.getUTCFullYear(), month: next.getUTCMonth() + 1, day: next.getUTCDate() };
}

export function isoDateOf(date: LocalDate): string {
  return `${date.year}-${String(date.month).padStart(2, '0')}-${String(date.day).padStart(2, '0')}`;
}

/** Today's calendar date where the school is, as YYYY-MM-DD: a staff member who leaves on 7 December is gone from
 * 00:00 in Amsterdam, which is still 6 December in UTC. */
export function localIsoDateOf(moment: Date, timeZone: string): string {
  return isoDateOf(localDateOf(moment, timeZone));
}

export function isWeekend(date: LocalDate): boolean {
  const weekday = new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay();
  return weekday === 0 || weekday === 6;
}

/** The instant that is `time` on `date` in `timeZone` (the zone's offset on that day, daylight-saving time included). */
export function atLocalTime(date: LocalDate, time: Pick<LocalTime, 'hours' | 'minutes'> & Partial<LocalTime>, timeZone: string): Date {
  const guess = Date.UTC(date.year, date.month - 1, date.day, time.hours, time.minutes, time.seconds ?? 0, time.milliseconds ?? 0);
  const offsetMinutes = (at: number): number => {
    const local = localParts(new Date(at), timeZone);
    return (Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute) - Math.floor(at / 60_000) * 60_000) / 60_000;
  };
  return new Date(guess - offsetMinutes(guess - offsetMinutes(guess) * 60_000) * 60_000);
}

/** One formatter per zone: making an Intl.DateTimeFormat costs far more than using one (it showed in profiles). */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

function localParts(moment: Date, timeZone: string) {
  const parts = formatterFor(timeZone).formatToParts(moment);
  const get = (type: string): number => Number(parts.find((p) => p.type === type)!.value);
  return { year: get('year'), month: get('month'), day: get('day'), hour: get('hour'), minute: get('minute'), second: get('second') };
}

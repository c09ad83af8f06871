import type { Language } from './i18n/i18n';

/** Dates and times in Europe/Amsterdam, whatever the browser's zone (issue #19). */
const ZONE = 'Europe/Amsterdam';
const locale = (language: Language) => (language === 'nl' ? 'nl-NL' : 'en-GB');

export const dateTime = (iso: string, language: Language) =>
  new Intl.DateTimeFormat(locale(language), { timeZone: ZONE, dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
export const date = (iso: string, language: Language) =>
  new Intl.DateTimeFormat(locale(language), { timeZone: ZONE, dateStyle: 'medium' }).format(new Date(iso));

/** The wall clock in Amsterdam at `at` as `YYYY-MM-DDTHH:mm` (what `<input type="datetime-local">` holds). */
export function amsterdamLocal(at: Date = new Date()): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: ZONE,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(at)
      .map((part) => [part.type, part.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}

/** Today in Amsterdam, `YYYY-MM-DD`. */
export const amsterdamToday = (at: Date = new Date()) => amsterdamLocal(at).slice(0, 10);

/**
 * An Amsterdam wall-clock time (`YYYY-MM-DDTHH:mm`, as typed) as the ISO moment the API takes: what the user typed
 * means Amsterdam time whatever the browser's zone. The offset is that of the moment itself (summer or winter time).
 */
export function fromAmsterdamLocal(local: string): string {
  const [day, time = '00:00'] = local.split('T');
  const [year, month, date] = day!.split('-').map(Number);
  const [hour, minute] = time.split(':').map(Number);
  const asUtc = Date.UTC(year!, month! - 1, date!, hour!, minute!);
  const offsetAt = (ms: number) => Date.parse(`${amsterdamLocal(new Date(ms))}:00Z`) - Math.floor(ms / 60000) * 60000;
  let moment = asUtc - offsetAt(asUtc);
  moment = asUtc - offsetAt(moment); // once more across a change of summer time
  return new Date(moment).toISOString();
}

/**
 * The moment a form's field means: the current minute (the default, untouched) is *now*, to the second — a minute
 * cut short would lie before what just happened (a device taken at 14:14:40 "returned" at 14:14:00, M6).
 */
export const momentOf = (local: string): string => (local === amsterdamLocal() ? new Date().toISOString() : fromAmsterdamLocal(local));

import type { Language } from './i18n/i18n';

/** Dates and times in Europe/Amsterdam, whatever the browser's zone (issue #19). */
const ZONE = 'Europe/Amsterdam';
const locale = (language: Language) => (language === 'nl' ? 'nl-NL' : 'en-GB');

export const dateTime = (iso: string, language: Language) => new Intl.DateTimeFormat(locale(language), { timeZone: ZONE, dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
export const date = (iso: string, language: Language) => new Intl.DateTimeFormat(locale(language), { timeZone: ZONE, dateStyle: 'medium' }).format(new Date(iso));

import { createContext, useContext } from 'react';
import en from './en.json';
import nl from './nl.json';

/** Every text of the console lives in nl.json (the default) and en.json, with the same keys. */
export type TextKey = keyof typeof nl;
export type Language = 'nl' | 'en';
const TEXTS: Record<Language, Record<TextKey, string>> = { nl, en };

export type Translate = (key: TextKey, values?: Record<string, string | number>) => string;

export function translator(language: Language): Translate {
  return (key, values = {}) => TEXTS[language][key].replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? `{${name}}`));
}

/** A code of the API (a category, a work item's kind…) in words; the code itself when it has no words yet. */
export function words(t: Translate, prefix: string, code: string): string {
  const key = `${prefix}.${code}` as TextKey;
  return key in nl ? t(key) : code;
}

export const LANGUAGE_KEY = 'casebook.language';
export const initialLanguage = (): Language => (localStorage.getItem(LANGUAGE_KEY) === 'en' ? 'en' : 'nl');

export const I18n = createContext<{ language: Language; t: Translate; setLanguage: (language: Language) => void }>({
  language: 'nl',
  t: translator('nl'),
  setLanguage: () => undefined,
});
export const useI18n = () => useContext(I18n);

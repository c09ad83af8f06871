import type { PersonKeyStore } from '../keys/person-key-store';
import { type KeyRef, isSealed, keyRefsOf, openText } from '../sealing/sealed-text';

/** What a reader sees where a forgotten person's text was. */
export const ERASED: Readonly<Record<'nl' | 'en', string>> = { nl: '[verwijderd]', en: '[erased]' };

/**
 * Opens the sealed texts in a value about to be shown (an HTTP answer, an export's readable copy): one key query
 * for all of them; a text whose key is gone shows the erased marker. Keys are read per call, never cached, so a
 * forget is visible on the next read in every process.
 */
export class PersonalDataReveal {
  constructor(private readonly keys: PersonKeyStore) {}

  async reveal<T>(value: T, language: 'nl' | 'en' = 'nl'): Promise<T> {
    const sealed = new Set<string>();
    collect(value, sealed);
    if (!sealed.size) return value;
    const refs: KeyRef[] = [...sealed].flatMap((text) => keyRefsOf(text) ?? []);
    const keys = await this.keys.keysToOpen(refs);
    const derived = new Map<string, Buffer>();
    const opened = new Map([...sealed].map((text) => [text, openText(text, keys, derived) ?? ERASED[language]]));
    return replace(value, opened) as T;
  }
}

function collect(value: unknown, into: Set<string>): void {
  if (isSealed(value)) into.add(value);
  else if (Array.isArray(value)) for (const item of value) collect(item, into);
  else if (value && typeof value === 'object' && !Buffer.isBuffer(value)) for (const item of Object.values(value)) collect(item, into);
}

function replace(value: unknown, opened: ReadonlyMap<string, string>): unknown {
  if (isSealed(value)) return opened.get(value) ?? value;
  if (Array.isArray(value)) return value.map((item) => replace(item, opened));
  if (value && typeof value === 'object' && !Buffer.isBuffer(value) && !(value instanceof Date)) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, replace(item, opened)]));
  }
  return value;
}

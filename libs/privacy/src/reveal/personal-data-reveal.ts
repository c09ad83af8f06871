import type { PersonKeyStore } from '../keys/person-key-store';
import { TextOpener, isSealed } from '../sealing/sealed-text';

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
    // First pass: which people's keys are needed (texts sealed to the same people share a prefix).
    const prefixes = new Set<string>();
    collectPrefixes(value, prefixes);
    if (!prefixes.size) return value;
    const opener = new TextOpener(await this.keys.keysToOpen(TextOpener.refsOf(prefixes)));
    // Second pass: a copy with each text opened, or the erased marker where a key is gone.
    return replace(value, (sealed) => opener.open(sealed) ?? ERASED[language]) as T;
  }
}

function collectPrefixes(value: unknown, into: Set<string>): void {
  if (typeof value === 'string') {
    if (isSealed(value)) into.add(TextOpener.prefixOf(value));
  } else if (Array.isArray(value)) for (const item of value) collectPrefixes(item, into);
  else if (value && typeof value === 'object' && !Buffer.isBuffer(value)) for (const item of Object.values(value)) collectPrefixes(item, into);
}

/** A copy with every sealed text replaced (the answer's objects are not changed in place: they may be shared). */
function replace(value: unknown, open: (sealed: string) => string): unknown {
  if (typeof value === 'string') return isSealed(value) ? open(value) : value;
  if (Array.isArray(value)) {
    const copy = new Array<unknown>(value.length);
    for (let i = 0; i < value.length; i += 1) copy[i] = replace(value[i], open);
    return copy;
  }
  if (value && typeof value === 'object' && !Buffer.isBuffer(value) && !(value instanceof Date)) {
    const copy: Record<string, unknown> = {};
    for (const key of Object.keys(value)) {
      const item = replace((value as Record<string, unknown>)[key], open);
      // An own property even for the key "__proto__" (assignment would set the prototype instead).
      if (key === '__proto__') Object.defineProperty(copy, key, { value: item, enumerable: true, writable: true, configurable: true });
      else copy[key] = item;
    }
    return copy;
  }
  return value;
}

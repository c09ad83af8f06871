import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RULE_IDS } from '@casebook/incidents';

// #33: a refusal shows its rule's id and text in Dutch (or English by choice). Every rule id of domain.md and every id
// the API answers with has its text in both translation files, so no refusal is ever shown as a bare code.
const read = (path: string) => readFileSync(join(__dirname, path), 'utf8');
const texts = (language: string) => JSON.parse(read(`../../apps/console/src/i18n/${language}.json`)) as Record<string, string>;

describe('the rule texts of the console', () => {
  const domain = read('../../../shared/spec/domain.md');
  const ofDomain = [...new Set([...domain.matchAll(/\*\*([A-Z]{1,5}\d{1,2})\*\*/g)].map((match) => match[1]!))];

  it.each(['nl', 'en'])('has a %s text for every rule of domain.md and every rule id the API names', (language) => {
    const table = texts(language);
    expect(ofDomain.length).toBeGreaterThan(50);
    const missing = [...new Set([...ofDomain, ...RULE_IDS])].filter((id) => !(`rule.${id}` in table));
    expect(missing).toEqual([]);
    for (const id of RULE_IDS) expect(table[`rule.${id}`]!.length).toBeGreaterThan(20);
  });
});

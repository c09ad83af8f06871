import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { readSharedSpec } from '@casebook/testing';

/** Issues #3 and #7: every rule of the domain spec is named by at least one test (E4, R1, R2 since the consent registers). */
const LATER = new Set<string>([]);

function specFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? specFiles(join(dir, entry.name)) : entry.name.endsWith('spec.ts') ? [join(dir, entry.name)] : [],
  );
}

describe('rule coverage', () => {
  it('names every rule id of shared/spec/domain.md in a test title of the incidents library', () => {
    const spec = readSharedSpec('spec/domain.md');
    const rules = [...spec.matchAll(/^\s*- \*\*([A-Z]+\d+)\*\*/gm)].map((m) => m[1]!).filter((id) => !LATER.has(id));
    expect(rules.length).toBeGreaterThanOrEqual(31);
    // Titles: the first string argument of it(...), it.each(...)(...), describe(...).
    const titles = specFiles(join(__dirname, '..'))
      .filter((file) => !file.endsWith('rule-coverage.spec.ts'))
      .flatMap((file) => [...readFileSync(file, 'utf8').matchAll(/\b(?:it|describe)(?:\.each\([\s\S]*?\))?\(\s*(['"`])([\s\S]*?)\1/g)].map((m) => m[2]!));
    const unnamed = rules.filter((id) => !titles.some((title) => new RegExp(`\\b${id}\\b`).test(title)));
    expect(unnamed).toEqual([]);
  });
});

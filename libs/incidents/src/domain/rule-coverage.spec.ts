import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { readSharedSpec } from '@casebook/testing';

/**
 * Rules of domain.md that are not implemented yet, with the issue that implements them. `new` ids are left out of
 * the coverage check below until their issue names them in a test; `revised` ids are implemented to an earlier
 * revision (their tests name them) and listed so that CI shows they still wait for their new text.
 * The issue that implements a rule removes it here. Revision 2's list was emptied by #18 (DIR4 last); revision 3
 * (documents, letters, alerts) is pending on #37, #38 and #39.
 */
const PENDING: readonly { readonly id: string; readonly issue: number; readonly change: 'new' | 'revised' }[] = [
  ...['DOC1', 'DOC2', 'DOC3', 'DOC4'].map((id) => ({ id, issue: 37, change: 'new' as const })),
  ...['L1', 'L2', 'L3', 'L4'].map((id) => ({ id, issue: 38, change: 'new' as const })),
  ...['AL1', 'AL2', 'AL3'].map((id) => ({ id, issue: 39, change: 'new' as const })),
];
const PENDING_NEW = new Set(PENDING.filter((rule) => rule.change === 'new').map((rule) => rule.id));

function specFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? specFiles(join(dir, entry.name)) : entry.name.endsWith('spec.ts') ? [join(dir, entry.name)] : [],
  );
}

/**
 * Titles: the first string argument of it(...), it.each(...)(...), describe(...), in every spec of the library — and
 * of the black-box suites and the settings' specs, for a rule kept at the HTTP edge rather than in a decider (DIR4:
 * who a signed-in person or a token's subject is, from the directory).
 */
function testTitles(): string[] {
  const root = join(__dirname, '..', '..', '..', '..');
  return [join(__dirname, '..'), join(root, 'libs', 'platform', 'src'), join(root, 'test', 'e2e')]
    .flatMap(specFiles)
    .filter((file) => !file.endsWith('rule-coverage.spec.ts'))
    .flatMap((file) => [...readFileSync(file, 'utf8').matchAll(/\b(?:it|describe)(?:\.each\([\s\S]*?\))?\(\s*(['"`])([\s\S]*?)\1/g)].map((m) => m[2]!));
}

const named = (titles: readonly string[], id: string) => titles.some((title) => new RegExp(`\\b${id}\\b`).test(title));
const spec = readSharedSpec('spec/domain.md');
const ruleIds = [...spec.matchAll(/^\s*- \*\*([A-Z]+\d+)\*\*/gm)].map((m) => m[1]!);
const listed = (change: 'new' | 'revised') =>
  PENDING.filter((rule) => rule.change === change)
    .map((rule) => `${rule.id} (#${rule.issue})`)
    .join(', ');

describe('rule coverage', () => {
  it('names every implemented rule id of shared/spec/domain.md in a test title: the incidents library, or the suites of the HTTP edge', () => {
    expect(ruleIds.length).toBeGreaterThanOrEqual(31);
    const titles = testTitles();
    expect(ruleIds.filter((id) => !PENDING_NEW.has(id) && !named(titles, id))).toEqual([]);
  });

  it(`pending, new: ${listed('new')}; revised, implemented to an earlier revision: ${listed('revised')}`, () => {
    // Every pending id is a rule of the spec, and a new one that a test names already is no longer pending.
    expect(PENDING.map((rule) => rule.id).filter((id) => !ruleIds.includes(id))).toEqual([]);
    const titles = testTitles();
    expect([...PENDING_NEW].filter((id) => named(titles, id))).toEqual([]);
  });
});

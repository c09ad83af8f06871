import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const ROOT = join(__dirname, '../..');
const DEPCRUISE = join(ROOT, 'node_modules/.bin/depcruise');

/** Runs dependency-cruiser with the project's rules over `dirs` of `cwd`; the rule names it reports. */
function violations(cwd: string, dirs: readonly string[]): string[] {
  try {
    execFileSync(DEPCRUISE, [...dirs, '--config', join(ROOT, '.dependency-cruiser.cjs'), '--output-type', 'err'], { cwd, stdio: 'pipe' });
    return [];
  } catch (error) {
    const output = String((error as { stdout?: Buffer }).stdout ?? '');
    return [...output.matchAll(/error (\S+):/g)].map((match) => match[1]!);
  }
}

/**
 * Issue #15: no import from apps/ into libs/, no upward arrow between the libraries' layers, the domain at the
 * bottom of its library, no cycles (`.dependency-cruiser.cjs`; `npm run lint` runs it over the tree). Seen to hold
 * on the tree and to fail on a small tree of the same shape that breaks each rule.
 */
describe('lint: the dependency rules', () => {
  it('hold for the whole tree', () => {
    expect(violations(ROOT, ['apps', 'libs', 'test', 'tools'])).toEqual([]);
  }, 60_000);

  it('refuse an app imported from a lib, an upward arrow, the domain importing its application, and a cycle', () => {
    const tree = mkdtempSync(join(tmpdir(), 'casebook-depcruise-'));
    try {
      cpSync(join(ROOT, 'tsconfig.base.json'), join(tree, 'tsconfig.base.json'));
      writeFileSync(join(tree, 'tsconfig.json'), JSON.stringify({ extends: './tsconfig.base.json', include: ['apps/**/*.ts', 'libs/**/*.ts'] }));
      const files: Record<string, string> = {
        'apps/api/src/main.ts': 'export const api = 1;\n',
        'libs/platform/src/index.ts': "import { api } from '../../../apps/api/src/main';\nexport const platform = api;\n",
        'libs/event-store/src/index.ts': "import { runtime } from '@casebook/runtime';\nexport const store = runtime;\n",
        'libs/runtime/src/index.ts': 'export const runtime = 1;\n',
        'libs/incidents/src/domain/decider.ts': "import { door } from '../application/door';\nexport const decider = door;\n",
        'libs/incidents/src/application/door.ts': 'export const door = 1;\n',
        'libs/privacy/src/a.ts': "import { b } from './b';\nexport const a = () => b;\n",
        'libs/privacy/src/b.ts': "import { a } from './a';\nexport const b = () => a;\n",
      };
      for (const [path, source] of Object.entries(files)) {
        mkdirSync(dirname(join(tree, path)), { recursive: true });
        writeFileSync(join(tree, path), source);
      }
      const found = violations(tree, ['apps', 'libs']);
      expect(new Set(found)).toEqual(new Set(['no-apps-from-libs', 'no-upward-from-event-store', 'domain-is-the-bottom', 'no-circular']));
    } finally {
      rmSync(tree, { recursive: true, force: true });
    }
  }, 60_000);
});

// Builds (npm run build) unless dist/ is current: `npm run build` writes dist/.built when it finishes, and nothing the
// build reads (apps, libs, test, the tsconfig files and the package files; specs are not built) is newer than it.
// `npm start` and the operator commands run it first; the fault suites run it under `flock`, so that of two suites
// the first builds and the second finds dist/ current. In CI, what `npm ci` built is used as it is.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..', '..');
const stamp = join(root, 'dist', '.built');

function newest(dir) {
  let found = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) found = Math.max(found, newest(path));
    else if (!/spec\.ts$/.test(entry.name)) found = Math.max(found, statSync(path).mtimeMs);
  }
  return found;
}

const inputs = [
  ...['apps', 'libs', 'test'].map((dir) => newest(join(root, dir))),
  ...['package.json', 'package-lock.json', 'tsconfig.base.json', 'tsconfig.build.json', 'tsconfig.json'].map((file) => statSync(join(root, file)).mtimeMs),
];
const current = existsSync(stamp) && statSync(stamp).mtimeMs >= Math.max(...inputs);
// The build's output goes to stderr: `TOKEN=$(npm run token --silent …)` reads stdout.
if (!current) execFileSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: [0, 2, 2] });

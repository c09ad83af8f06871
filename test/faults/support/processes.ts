import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { mintDevToken } from '@casebook/access';
import { waitUntil } from '@casebook/testing';

export const ROOT = resolve(__dirname, '../../..');
export const SECRET = 'fault-secret-fault-secret-fault-secret!';

/**
 * The built api, worker and cli: fault tests run the real processes, as an operator would. dist/ is rebuilt only
 * when a source is newer than the last build (tools/build/build-if-stale.mjs); `flock` keeps two suites from building at once.
 */
export function build(): void {
  const lock = join(tmpdir(), `casebook-build-${Buffer.from(ROOT).toString('hex').slice(-24)}.lock`);
  execFileSync('flock', [lock, process.execPath, join(ROOT, 'tools', 'build', 'build-if-stale.mjs')], { cwd: ROOT, stdio: 'inherit' });
}

export interface Running {
  readonly child: ChildProcess;
  readonly exit: Promise<number | null>;
  /** what it wrote to stdout and stderr (logs: never a token, never a name) */
  output(): string;
}

/** Starts `dist/apps/<app>/src/main.js` with `env` on top of a clean environment for it. */
export function startApp(app: 'api' | 'worker' | 'cli', env: Record<string, string>, args: readonly string[] = []): Running {
  const base: NodeJS.ProcessEnv = {
    ...process.env,
    LOG_LEVEL: 'warn',
    AUTH_JWT_SECRET: SECRET,
    AUTH_TOKEN_ROLES: 'claims',
    RATE_LIMIT_PER_MINUTE: '0',
    SUBSCRIPTION_POLL_MS: '50',
    RETENTION_INTERVAL_HOURS: '0',
  };
  delete base['KAFKA_BROKERS'];
  const child = spawn(process.execPath, [join(ROOT, `dist/apps/${app}/src/main.js`), ...args], { env: { ...base, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return { child, exit: new Promise((done) => child.once('exit', (code) => done(code))), output: () => output };
}

/** `env`: more settings, e.g. a PRIVACY_MASTER_KEY that two api processes on one database share. */
export async function startApi(databaseUrl: string, port: number, env: Record<string, string> = {}): Promise<Running> {
  const api = startApp('api', {
    LOG_LEVEL: process.env['FAULT_LOG_LEVEL'] ?? 'warn',
    DATABASE_URL: databaseUrl,
    PORT: String(port),
    METRICS_PORT: '0',
    DATA_DIR: mkdtempSync(join(tmpdir(), 'casebook-fault-api-')),
    ...env,
  });
  await waitUntil(async () => (await fetch(`http://127.0.0.1:${port}/health/ready`).catch(() => undefined))?.status === 200, 'the api to be ready', 60_000);
  return api;
}

export const token = (sub: string, roles: string[], schools: string[] = ['school-1']) =>
  mintDevToken(new TextEncoder().encode(SECRET), { sub, roles: roles as never, schools });

export async function stop(running: Running | undefined): Promise<void> {
  if (!running || running.child.exitCode !== null) return;
  running.child.kill('SIGTERM');
  const timer = setTimeout(() => running.child.kill('SIGKILL'), 10_000);
  await running.exit;
  clearTimeout(timer);
}

/**
 * `npm run bench:console` (issue #19): the console's two budgets, in Debian's Chromium (CHROMIUM_PATH, default
 * /usr/bin/chromium) against the built api (`npm start`'s process) on the embedded store, on loopback:
 *   (a) the first load of the console: the compressed JavaScript the browser fetched for it (Resource Timing's
 *       encodedBodySize of every script), goal ≤ 250 KB;
 *   (b) a case of 500 events: from navigation start to the case page's `casebook:case-shown` mark (its data read
 *       and rendered, its forms live), each load in a fresh browser profile (nothing cached), median of
 *       BENCH_CONSOLE_LOADS (5), goal ≤ 1 s. Chromium's own navigation timing (domInteractive, load) is printed beside.
 * Prints and reports the figures; asserts nothing.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type Browser, chromium } from 'playwright-core';
import { mintDevToken } from '@casebook/access';
import { reportResult } from './bench-workloads';
// The testing library's index needs Jest's globals; these two helpers do not, and the benchmark runs without Jest.
import { freePort } from '../../libs/testing/src/free-port';
import { waitUntil } from '../../libs/testing/src/wait-until';
import { CHROMIUM_ARGS } from '../console/support/chromium-args';

const SECRET = 'bench-secret-bench-secret-bench-secret-00';
const KEY = new TextEncoder().encode(SECRET);
const DIST = resolve(__dirname, '../..');
const ROOT = resolve(DIST, '..');
const EVENTS = 500;
const LOADS = Number(process.env['BENCH_CONSOLE_LOADS'] ?? 5);
const fixture = (name: string) => readFileSync(join(ROOT, 'test', 'fixtures', 'directory', `${name}.csv`), 'utf8');
const median = (values: readonly number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

interface Api {
  readonly base: string;
  send(
    method: 'GET' | 'POST',
    path: string,
    body: unknown,
    token: string,
    contentType?: string,
  ): Promise<{ status: number; json: () => Promise<Record<string, unknown>> }>;
}

function api(base: string): Api {
  return {
    base,
    send: (method, path, body, token, contentType = 'application/json') =>
      fetch(`${base}${path}`, {
        method,
        headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': contentType }) },
        body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
      }).then((answer) => ({ status: answer.status, json: () => answer.json() as Promise<Record<string, unknown>> })),
  };
}

async function expectStatus(
  answer: Promise<{ status: number; json: () => Promise<Record<string, unknown>> }>,
  status: number,
  what: string,
): Promise<Record<string, unknown>> {
  const response = await answer;
  if (response.status !== status) throw new Error(`${what}: ${response.status} ${JSON.stringify(await response.json())}`);
  return response.json();
}

/** The directory (the fixture's board, schools and staff) and one pupil case of EVENTS events: report, then evidence and letters. */
async function seed(server: Api): Promise<string> {
  const board = await mintDevToken(KEY, { sub: 'board-1', roles: ['board'], schools: [] });
  for (const kind of ['schools', 'staff', 'pupils', 'parents'])
    await expectStatus(server.send('POST', `/directory/imports/${kind}`, fixture(kind), board, 'text/csv'), 200, `import ${kind}`);
  const director = await mintDevToken(KEY, { sub: 'staff-dir-1', roles: ['director'], schools: ['school-1'] });
  const reported = await expectStatus(
    server.send(
      'POST',
      '/incidents',
      {
        type: 'pupil-incident',
        schoolId: 'school-1',
        category: 'cyberbullying',
        occurredAt: '2026-11-03T10:30:00+01:00',
        summary: 'Berichten in de groepsapp',
        involved: [{ personId: 'pupil-1', personKind: 'pupil', role: 'perpetrator', displayName: 'Daan Visser' }],
      },
      director,
    ),
    201,
    'report',
  );
  const id = String(reported['id']);
  let position = Number(reported['position']);
  for (let n = 1; n < EVENTS; n++) {
    const added =
      n % 2
        ? await expectStatus(
            server.send(
              'POST',
              `/incidents/${id}/evidence`,
              { description: `Schermafbeelding ${n}`, sha256: n.toString(16).padStart(64, '0'), mediaType: 'image/png' },
              director,
            ),
            201,
            'evidence',
          )
        : await expectStatus(
            server.send(
              'POST',
              `/incidents/${id}/correspondence`,
              { direction: 'outgoing', counterpart: 'parent', channel: 'e-mail', occurredAt: '2026-11-04T16:00:00+01:00', summary: `Brief ${n} aan de ouders` },
              director,
            ),
            201,
            'correspondence',
          );
    position = Number(added['position'] ?? position);
  }
  // The page reads read models: wait until they hold the last command (read your writes), as the page would.
  await expectStatus(server.send('GET', `/incidents/${id}?waitForPosition=${position}`, undefined, director), 200, 'case caught up');
  await expectStatus(server.send('GET', `/incidents/${id}/timeline?waitForPosition=${position}`, undefined, director), 200, 'timeline caught up');
  return id;
}

async function measure(browser: Browser, base: string, caseId: string): Promise<void> {
  // Signed in once through the development sign-in; every load below starts from that cookie in a fresh profile.
  const first = await browser.newContext({ locale: 'nl-NL' });
  const page = await first.newPage();
  await page.goto(`${base}/auth/login`);
  await page.getByRole('button', { name: 'Anna de Vries' }).click();
  await page.getByRole('heading', { level: 1, name: 'Vandaag' }).waitFor();
  await page.waitForLoadState('networkidle');
  const scripts = (await page.evaluate(
    `performance.getEntriesByType('resource').filter((r) => r.name.endsWith('.js')).map((r) => ({ encoded: r.encodedBodySize, decoded: r.decodedBodySize }))`,
  )) as { encoded: number; decoded: number }[];
  const encoded = scripts.reduce((sum, script) => sum + script.encoded, 0);
  const decoded = scripts.reduce((sum, script) => sum + script.decoded, 0);
  const kb = (bytes: number) => (bytes / 1000).toFixed(1);
  console.log(`first load: ${scripts.length} script(s), ${kb(encoded)} KB compressed (${kb(decoded)} KB uncompressed)`);
  reportResult('console first load, compressed JavaScript', `${kb(encoded)} KB (${kb(decoded)} KB uncompressed)`, '≤ 250 KB', encoded <= 250_000);
  const state = await first.storageState();
  await first.close();

  const shown: number[] = [];
  for (let load = 0; load < LOADS; load++) {
    // bypassCSP: only so playwright's waitForFunction may evaluate its predicate; the page's own scripts are the same.
    const context = await browser.newContext({ locale: 'nl-NL', storageState: state, bypassCSP: true });
    const casePage = await context.newPage();
    await casePage.goto(`${base}/zaken/${caseId}`);
    await casePage.waitForFunction(`performance.getEntriesByName('casebook:case-shown').length > 0`);
    const timing = (await casePage.evaluate(
      `(() => { const n = performance.getEntriesByType('navigation')[0]; return { shown: performance.getEntriesByName('casebook:case-shown')[0].startTime, interactive: n.domInteractive, load: n.loadEventEnd, entries: document.querySelectorAll('ol.timeline > li').length }; })()`,
    )) as { shown: number; interactive: number; load: number; entries: number };
    console.log(
      `case page of ${EVENTS} events, load ${load + 1}: shown after ${Math.round(timing.shown)} ms (domInteractive ${Math.round(timing.interactive)} ms, load ${Math.round(timing.load)} ms, ${timing.entries} timeline entries on its first page)`,
    );
    shown.push(timing.shown);
    await context.close();
  }
  const middle = median(shown);
  reportResult(
    `console case page of a ${EVENTS}-event case, interactive (median of ${LOADS} cold loads)`,
    `${Math.round(middle)} ms (slowest ${Math.round(Math.max(...shown))} ms)`,
    '≤ 1000 ms',
    middle <= 1000,
  );
}

async function main(): Promise<void> {
  const executablePath = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
  if (!existsSync(executablePath)) throw new Error(`bench:console needs Chromium: set CHROMIUM_PATH (apt-get install -y chromium gives /usr/bin/chromium)`);
  const dataDir = mkdtempSync(join(tmpdir(), 'casebook-bench-console-'));
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  let server: ChildProcess | undefined;
  let browser: Browser | undefined;
  try {
    // The embedded store (no DATABASE_URL), as `npm start` runs it; bearer tokens with their roles for the seeding.
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DATA_DIR: dataDir,
      PORT: String(port),
      HOST: '127.0.0.1',
      AUTH_JWT_SECRET: SECRET,
      AUTH_TOKEN_ROLES: 'claims',
      RATE_LIMIT_PER_MINUTE: '1000000',
      RETENTION_INTERVAL_HOURS: '0',
      LOG_LEVEL: 'warn',
    };
    for (const name of ['DATABASE_URL', 'KAFKA_BROKERS', 'OIDC_ISSUER_URL', 'OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET', 'OIDC_REDIRECT_URL']) delete env[name];
    server = spawn(process.execPath, [join(DIST, 'apps/api/src/main.js')], { env, stdio: ['ignore', 'ignore', 'inherit'] });
    await waitUntil(async () => (await fetch(`${base}/health/ready`).catch(() => undefined))?.status === 200, 'the api to be ready', 120_000);
    const started = Date.now();
    const caseId = await seed(api(base));
    console.log(`seeded a case of ${EVENTS} events in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    await waitUntil(async () => (await (await fetch(`${base}/auth/login`)).text()).includes('Anna de Vries'), 'the directory to list the director', 60_000);
    browser = await chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });
    await measure(browser, base, caseId);
  } finally {
    await browser?.close();
    if (server && server.exitCode === null) {
      const exited = new Promise((done) => server!.once('exit', done));
      server.kill('SIGTERM');
      await exited;
    }
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

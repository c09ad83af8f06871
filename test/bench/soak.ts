/**
 * `npm run soak` (not in CI): mixed load on the api for SOAK_MINUTES (10) and, per minute, the serving process's
 * resident memory, heap and event-loop delay. Growth of RSS by more than 10% from minute 2 to the last minute is
 * reported as a suspected leak (minute 1 is warm-up: JIT, pools, caches). The api runs in this process, so what
 * is measured is the server itself; the load comes from a child process (soak-load.ts): reports, measures,
 * parent notifications, case reads, pupil-file reads, timeline reads and refused requests, 8 at a time.
 * On the PostgreSQL server (SOAK_DATABASE_URL or DATABASE_URL: a scratch database, the projections hosted here) or,
 * without either, on the embedded store. Results also go to test/bench/results/soak.json.
 */
import { fork } from 'node:child_process';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { createLogger, createScratchDatabase, loadConfig } from '@casebook/platform';
import { ProjectionHost } from '@casebook/projections';
import { openRuntime } from '@casebook/runtime';
import { createApiApp } from '../../apps/api/src/create-api-app';
import { freePort } from '../../libs/testing/src/free-port';

export const SOAK_SECRET = 'soak-secret-soak-secret-soak-secret-000';
const MINUTES = Number(process.env['SOAK_MINUTES'] ?? 10);
const LEAK_THRESHOLD = 0.1;

interface Minute {
  readonly minute: number;
  readonly rssMiB: number;
  readonly heapUsedMiB: number;
  /** Live heap after a full collection (with --expose-gc, as `npm run soak` runs): what a leak would grow. */
  readonly liveHeapMiB: number | null;
  /** Buffers and other memory V8 tracks outside its heap: where RSS grows when the heap does not. */
  readonly externalMiB: number;
  readonly loopDelayP50Ms: number;
  readonly loopDelayP99Ms: number;
  readonly loopDelayMaxMs: number;
  readonly requests: number;
  readonly serverErrors: number;
}

const mib = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;
const ms = (nanoseconds: number) => Math.round(nanoseconds / 1e4) / 100;

async function main(): Promise<void> {
  const serverUrl = process.env['SOAK_DATABASE_URL'] ?? process.env['DATABASE_URL'];
  const database = serverUrl ? await createScratchDatabase(serverUrl, 'soak') : undefined;
  const dataDir = mkdtempSync(join(tmpdir(), 'casebook-soak-'));
  const env = {
    DATA_DIR: dataDir,
    AUTH_JWT_SECRET: SOAK_SECRET,
    AUTH_TOKEN_ROLES: 'claims',
    RATE_LIMIT_PER_MINUTE: '0',
    ...(database ? { DATABASE_URL: database.url } : {}),
  };
  const runtime = await openRuntime(loadConfig(env), createLogger('warn'), 'api');
  const app = await createApiApp(runtime);
  if (database) await app.get(ProjectionHost).start();
  let requests = 0;
  let serverErrors = 0;
  const port = await freePort();
  await app.listen(port, '127.0.0.1');
  // Counted on the Node server (the app is booted: Fastify takes no new hooks now).
  (app.getHttpServer() as Server).on('request', (_request: IncomingMessage, response: ServerResponse) =>
    response.once('finish', () => {
      requests += 1;
      if (response.statusCode >= 500) serverErrors += 1;
    }),
  );
  process.stdout.write(`soak: ${MINUTES} minutes on ${database ? 'the PostgreSQL server' : 'the embedded store'}, api on port ${port}\n`);

  const load = fork(join(__dirname, 'soak-load.js'), [String(port), String(MINUTES)], { stdio: 'inherit' });
  const loadDone = new Promise<void>((done) => load.once('exit', () => done()));
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  const minutes: Minute[] = [];
  for (let minute = 1; minute <= MINUTES; minute += 1) {
    await new Promise((done) => setTimeout(done, 60_000));
    const memory = process.memoryUsage();
    const gc = (globalThis as { gc?: () => void }).gc;
    let liveHeapMiB: number | null = null;
    if (gc) {
      gc();
      liveHeapMiB = mib(process.memoryUsage().heapUsed);
    }
    const sample: Minute = {
      minute,
      rssMiB: mib(memory.rss),
      heapUsedMiB: mib(memory.heapUsed),
      externalMiB: mib(memory.external),
      liveHeapMiB,
      loopDelayP50Ms: ms(delay.percentile(50)),
      loopDelayP99Ms: ms(delay.percentile(99)),
      loopDelayMaxMs: ms(delay.max),
      requests,
      serverErrors,
    };
    minutes.push(sample);
    delay.reset();
    requests = 0;
    serverErrors = 0;
    process.stdout.write(
      `minute ${String(minute).padStart(2)}: RSS ${sample.rssMiB} MiB, heap ${sample.heapUsedMiB} MiB (live after GC ${sample.liveHeapMiB ?? '?'} MiB), external ${sample.externalMiB} MiB, event-loop delay p50 ${sample.loopDelayP50Ms} ms / p99 ${sample.loopDelayP99Ms} ms / max ${sample.loopDelayMaxMs} ms, ${sample.requests} requests, ${sample.serverErrors} 5xx\n`,
    );
  }
  await loadDone;
  const from = minutes.find((m) => m.minute === 2) ?? minutes[0]!;
  const to = minutes[minutes.length - 1]!;
  const growth = (to.rssMiB - from.rssMiB) / from.rssMiB;
  const verdict = growth > LEAK_THRESHOLD ? 'LEAK SUSPECTED' : 'no leak';
  process.stdout.write(
    `RSS minute ${from.minute} → ${to.minute}: ${from.rssMiB} → ${to.rssMiB} MiB (${(growth * 100).toFixed(1)}%): ${verdict} (threshold ${LEAK_THRESHOLD * 100}%)\n`,
  );
  if (from.liveHeapMiB !== null && to.liveHeapMiB !== null) {
    // RSS also grows when V8 keeps more heap committed for larger answers (the store grows during the soak); the
    // live heap after a full collection is what a leak itself would grow.
    const live = (to.liveHeapMiB - from.liveHeapMiB) / from.liveHeapMiB;
    process.stdout.write(
      `live heap after GC minute ${from.minute} → ${to.minute}: ${from.liveHeapMiB} → ${to.liveHeapMiB} MiB (${(live * 100).toFixed(1)}%)\n`,
    );
  }
  const results = resolve(__dirname, '../../../test/bench/results');
  mkdirSync(results, { recursive: true });
  writeFileSync(
    join(results, 'soak.json'),
    `${JSON.stringify({ at: new Date().toISOString(), store: database ? 'postgres' : 'pglite', minutes, rssGrowth: growth, verdict }, null, 2)}\n`,
  );

  if (database) await app.get(ProjectionHost).stop();
  await app.close();
  await runtime.close();
  await database?.drop();
  rmSync(dataDir, { recursive: true, force: true });
  process.exit(growth > LEAK_THRESHOLD ? 1 : 0);
}

void main().catch((error: unknown) => {
  process.stderr.write(`soak failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(2);
});

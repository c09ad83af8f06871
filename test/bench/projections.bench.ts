/**
 * `npm run bench:projections`: on the PostgreSQL server (BENCH_DATABASE_URL or DATABASE_URL; a scratch database),
 * writes a realistic history (BENCH_SCHOOLS 20, BENCH_PUPILS 8000, BENCH_STAFF 600, BENCH_EVENTS 200000), then
 * lets the built worker (its own process) build every read model from position 0 — its peak RSS is the figure of
 * issue #8 — then rebuilds all read models together in this process and reads random timelines and pupil files
 * (BENCH_READS 1000 each). Prints figures; asserts nothing (shared machine: see README, Benchmark).
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PostgresEventStore } from '@casebook/event-store';
import { DEFAULT_POLICY, schoolYearOf } from '@casebook/incidents';
import { PgSqlClient, createScratchDatabase } from '@casebook/platform';
import { READ_MODELS, ReadModelCatalog, findCaseload, findPupilFile, findTimeline, rebuildReadModels } from '@casebook/projections';
import { reportResult } from './bench-workloads';
import { generateHistory } from './history-generator';

const env = (name: string, fallback: number): number => Number(process.env[name] ?? fallback);

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/**
 * The worker, started on a database whose read models are empty, builds them all from position 0 — a rebuild as
 * the worker does it. Its peak RSS (VmHWM) when every read model has reached the head is the memory figure.
 */
async function workerCatchUp(url: string, catalog: ReadModelCatalog, head: number, stored: number): Promise<void> {
  const worker = spawn(process.execPath, [join(resolve(__dirname, '../..'), 'apps/worker/src/main.js')], {
    env: {
      ...process.env,
      DATABASE_URL: url,
      METRICS_PORT: '0',
      LOG_LEVEL: 'warn',
      RETENTION_INTERVAL_HOURS: '0',
      SUBSCRIPTION_POLL_MS: '100',
      DATA_DIR: join(resolve(__dirname, '../../..'), '.data'),
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const started = Date.now();
  try {
    for (;;) {
      const positions = await Promise.all(READ_MODELS.map(async (p) => catalog.position(p.name, await catalog.liveVersion(p.name))));
      if (positions.every((position) => position >= head)) break;
      if (worker.exitCode !== null) throw new Error(`the worker exited with ${worker.exitCode}`);
      await new Promise((done) => setTimeout(done, 200));
    }
    const seconds = (Date.now() - started) / 1000;
    const status = readFileSync(`/proc/${worker.pid}/status`, 'utf8');
    const peakMiB = Math.round(Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? NaN) / 1024);
    console.log(
      `worker: built all ${READ_MODELS.length} read models from position 0 over ${stored} events in ${seconds.toFixed(1)} s = ${Math.round(stored / seconds)} events/s; peak RSS ${peakMiB} MiB (goal ≤ 300 MiB)`,
    );
    reportResult(`worker peak RSS while building every read model over ${stored} events`, `${peakMiB} MiB`, '≤ 300 MiB', peakMiB <= 300);
  } finally {
    worker.kill('SIGTERM');
    await new Promise((done) => worker.once('exit', done));
  }
}

async function main(): Promise<void> {
  const server = process.env['BENCH_DATABASE_URL'] ?? process.env['DATABASE_URL'];
  if (!server) throw new Error('bench:projections needs BENCH_DATABASE_URL or DATABASE_URL (a PostgreSQL server)');
  const database = await createScratchDatabase(server, 'bench_projections');
  const sql = new PgSqlClient({ connectionString: database.url, poolSize: 16 });
  try {
    const store = await PostgresEventStore.open(sql);
    const shape = {
      schools: env('BENCH_SCHOOLS', 20),
      pupils: env('BENCH_PUPILS', 8000),
      staff: env('BENCH_STAFF', 600),
      events: env('BENCH_EVENTS', 200_000),
      writers: 16,
    };
    let started = Date.now();
    const history = await generateHistory(store, shape);
    const stored = (await sql.query<{ n: number }>('SELECT count(*)::int AS n FROM es_events'))[0]!.n;
    console.log(`history: ${stored} events (${shape.schools} schools, ${shape.pupils} pupils, ${shape.staff} staff) written in ${Date.now() - started} ms`);

    const catalog = await ReadModelCatalog.open(sql, READ_MODELS);
    await workerCatchUp(database.url, catalog, await store.headPosition(), stored);
    started = Date.now();
    const results = await rebuildReadModels(
      catalog,
      store,
      READ_MODELS.map((p) => p.name),
      env('BENCH_BATCH', 2_000),
    );
    const rebuildMs = Date.now() - started;
    for (const row of results) console.log(`  ${row.name.padEnd(16)} ${String(row.events).padStart(7)} events applied`);
    const rebuildRate = Math.round((stored / rebuildMs) * 1000);
    console.log(
      `rebuild, all ${results.length} together in one pass: ${stored} stored events in ${rebuildMs} ms = ${rebuildRate} events/s (goal ≥ 20000); ${results.reduce((n, r) => n + r.events, 0)} applications`,
    );
    reportResult(
      `rebuild of all ${results.length} read models, one pass over ${stored} events`,
      `${rebuildRate} events/s`,
      '≥ 20000 events/s',
      rebuildRate >= 20_000,
    );

    const reads = env('BENCH_READS', 1000);
    const timelines = await catalog.dataSource('case-timeline', await catalog.liveVersion('case-timeline'));
    const files = await catalog.dataSource('pupil-file', await catalog.liveVersion('pupil-file'));
    const now = new Date().toISOString();
    const year = schoolYearOf(now, DEFAULT_POLICY);
    let seed = 7;
    const random = (n: number) => {
      seed = (Math.imul(seed, 1_103_515_245) + 12_345) >>> 0;
      return seed % n;
    };
    /** `reads` timed calls after 50 warm-up ones: p50 and p99, printed and reported against the goal. */
    const timeReads = async (label: string, read: () => Promise<unknown>, goalMs: number) => {
      for (let i = 0; i < 50; i++) await read(); // warm-up
      const ms: number[] = [];
      for (let i = 0; i < reads; i++) {
        const t0 = process.hrtime.bigint();
        await read();
        ms.push(Number(process.hrtime.bigint() - t0) / 1e6);
      }
      ms.sort((a, b) => a - b);
      console.log(`${label}: ${reads} reads, p50 ${percentile(ms, 50).toFixed(2)} ms, p99 ${percentile(ms, 99).toFixed(2)} ms (goal p99 ≤ ${goalMs} ms)`);
      reportResult(`${label} (query only, in process): p99`, `${percentile(ms, 99).toFixed(2)} ms`, `≤ ${goalMs} ms`, percentile(ms, 99) <= goalMs);
    };
    await timeReads(
      'timeline read',
      () => findTimeline(timelines, history.incidentIds[random(history.incidentIds.length)]!, { language: 'nl', after: 0, limit: 200 }),
      10,
    );
    await timeReads(
      'pupil file read',
      () => findPupilFile(files, history.pupilIds[random(history.pupilIds.length)]!, { schoolYear: year, today: now.slice(0, 10) }),
      10,
    );

    // Issue #17: the first page of the caseload with two filters (a school's open cases), as the board asks it.
    const caseloadVersion = await catalog.liveVersion('caseload');
    const caseload = await catalog.dataSource('caseload', caseloadVersion);
    const cases = (
      (await caseload.query(`SELECT count(*)::int AS n FROM "${ReadModelCatalog.schemaOf('caseload', caseloadVersion)}".cases`)) as { n: number }[]
    )[0]!.n;
    const board = { viewerId: 'board-bench', all: true, schools: [], staffCases: false, ownReportsAt: [] };
    await timeReads(
      `caseload first page, school + status, 50 rows, ${cases} cases`,
      () => findCaseload(caseload, { filter: { schoolId: `school-${random(shape.schools) + 1}`, status: 'open' }, scope: board, now: new Date(), limit: 50 }),
      20,
    );
    await catalog.close();
    await store.close();
  } finally {
    await sql.close();
    await database.drop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

/**
 * `npm run bench:store`: event store throughput on the PostgreSQL server (BENCH_DATABASE_URL or DATABASE_URL,
 * in a scratch database) and on PGlite, each beside its physical baseline measured in the same run: plain
 * INSERTs / SELECTs through the same client with the same durability. Figures count only as ratios from one
 * run on one machine; nothing here is asserted.
 *   BENCH_SINGLE_APPENDS (default 8000 server, 2000 PGlite), BENCH_BATCH_APPENDS (300 / 60),
 *   BENCH_CATCHUP_EVENTS (200000), BENCH_WRITERS (16).
 * The row "personal text sealed (vs in clear)" compares the privacy layer (per-person keys, AES-256-GCM) with the
 * same store appending the same events in clear: its "baseline" column is the store itself (goal ≥ 83%: at most
 * 20% added).
 */
import { randomBytes } from 'node:crypto';
import { PostgresEventStore } from '@casebook/event-store';
import { PERSONAL_DATA, subjectsOfStream } from '@casebook/incidents';
import { PersonKeyStore, PrivacyEventStore } from '@casebook/privacy';
import { PgSqlClient, PgliteSqlClient, type SqlClient, createScratchDatabase } from '@casebook/platform';
import {
  BASELINE_TABLE,
  type Measurement,
  baselineCatchUp,
  baselineInserts,
  fill,
  perSecond,
  personalEvent,
  reportResult,
  storeAppends,
  storeCatchUp,
} from './bench-workloads';

interface Row {
  readonly target: string;
  readonly workload: string;
  readonly store: Measurement;
  readonly baseline: Measurement;
  readonly unit: string;
}

const env = (name: string, fallback: number): number => Number(process.env[name] ?? fallback);

async function benchTarget(target: string, sql: SqlClient, scale: { single: number; batch: number }): Promise<Row[]> {
  const writers = env('BENCH_WRITERS', 16);
  const store = await PostgresEventStore.open(sql);
  await sql.query(BASELINE_TABLE);
  const rows: Row[] = [];
  // Warm-up (connections, plans), then baseline and store alternate so drift on a shared machine hits both.
  await baselineInserts(sql, writers, 200, 1);
  await storeAppends(store, writers, 200, 1);

  const single = { store: [] as Measurement[], baseline: [] as Measurement[] };
  for (let run = 0; run < 2; run++) {
    single.baseline.push(await baselineInserts(sql, writers, scale.single / 2, 1));
    single.store.push(await storeAppends(store, writers, scale.single / 2, 1));
  }
  rows.push({ target, workload: `append 1 event, ${writers} writers`, store: sum(single.store), baseline: sum(single.baseline), unit: 'appends/s' });

  // Issue #7: what sealing personal texts costs, against the same store and the same events in clear.
  const sealed = new PrivacyEventStore(store, await PersonKeyStore.open(sql, randomBytes(32)), PERSONAL_DATA, subjectsOfStream);
  await storeAppends(sealed, writers, 200, 1, personalEvent);
  const personal = { sealed: [] as Measurement[], plain: [] as Measurement[] };
  // A B B A: the tables grow as the runs go on, so whichever runs second in every pair would be handicapped.
  for (const order of [
    ['plain', 'sealed'],
    ['sealed', 'plain'],
  ] as const) {
    for (const kind of order) personal[kind].push(await storeAppends(kind === 'sealed' ? sealed : store, writers, scale.single / 2, 1, personalEvent));
  }
  rows.push({ target, workload: `  personal text sealed (vs in clear)`, store: sum(personal.sealed), baseline: sum(personal.plain), unit: 'appends/s' });

  const baselineBatch = await baselineInserts(sql, writers, scale.batch, 100);
  const storeBatch = await storeAppends(store, writers, scale.batch, 100);
  rows.push({ target, workload: `append 100 events, ${writers} writers`, store: storeBatch, baseline: baselineBatch, unit: 'appends/s' });
  rows.push({
    target,
    workload: `  same, in events`,
    store: { ...storeBatch, operations: storeBatch.operations * 100 },
    baseline: { ...baselineBatch, operations: baselineBatch.operations * 100 },
    unit: 'events/s',
  });

  const catchUpEvents = env('BENCH_CATCHUP_EVENTS', 200_000);
  await fill(store, sql, catchUpEvents);
  const baselineRead = await baselineCatchUp(sql, 1_000);
  const storeRead = await storeCatchUp(store, 1_000);
  rows.push({ target, workload: `readAll catch-up, ${storeRead.operations} events`, store: storeRead, baseline: baselineRead, unit: 'events/s' });
  await store.close();
  return rows;
}

function sum(ms: readonly Measurement[]): Measurement {
  return { operations: ms.reduce((n, m) => n + m.operations, 0), seconds: ms.reduce((n, m) => n + m.seconds, 0) };
}

/** Goals of issue #2 (append ratio, catch-up rate on the server) and issue #7 (sealing adds at most 20%). */
function report(rows: readonly Row[]): void {
  for (const row of rows) {
    const ratio = perSecond(row.store) / perSecond(row.baseline);
    const name = `${row.target}: ${row.workload.trim()}`;
    if (row.workload.includes('sealed')) reportResult(name, `${(ratio * 100).toFixed(0)}% of in clear`, '≥ 83%', ratio >= 0.83);
    else if (row.workload.startsWith('append 1 event'))
      reportResult(
        name,
        `${Math.round(perSecond(row.store))} ${row.unit} (${(ratio * 100).toFixed(0)}% of baseline)`,
        row.target === 'postgres-server' ? '≥ 70% of baseline' : '—',
        row.target === 'postgres-server' ? ratio >= 0.7 : null,
      );
    else if (row.workload.startsWith('readAll') && row.target === 'postgres-server')
      reportResult(name, `${Math.round(perSecond(row.store))} events/s`, '≥ 50000 events/s', perSecond(row.store) >= 50_000);
  }
}

function print(rows: readonly Row[]): void {
  const line = (cells: string[]): string => cells.map((c, i) => (i < 2 ? c.padEnd(i ? 40 : 18) : c.padStart(14))).join(' ');
  process.stdout.write(`${line(['target', 'workload', 'event store', 'baseline', 'ratio'])}\n`);
  for (const row of rows) {
    const ratio = perSecond(row.store) / perSecond(row.baseline);
    process.stdout.write(
      `${line([row.target, row.workload, `${Math.round(perSecond(row.store))} ${row.unit}`, `${Math.round(perSecond(row.baseline))}`, `${(ratio * 100).toFixed(0)}%`])}\n`,
    );
  }
}

async function main(): Promise<void> {
  const rows: Row[] = [];
  const serverUrl = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL;
  if (serverUrl) {
    const database = await createScratchDatabase(serverUrl, 'bench');
    const sql = new PgSqlClient({ connectionString: database.url, poolSize: env('BENCH_WRITERS', 16) + 4 });
    try {
      const settings = await sql.query<{ name: string; setting: string }>(
        `SELECT name, setting FROM pg_settings WHERE name IN ('synchronous_commit', 'fsync', 'server_version')`,
      );
      process.stdout.write(`PostgreSQL server: ${settings.map((s) => `${s.name}=${s.setting}`).join(', ')}\n`);
      rows.push(...(await benchTarget('postgres-server', sql, { single: env('BENCH_SINGLE_APPENDS', 8_000), batch: env('BENCH_BATCH_APPENDS', 300) })));
    } finally {
      await sql.close();
      await database.drop();
    }
  } else {
    process.stdout.write('PostgreSQL server: skipped (set BENCH_DATABASE_URL or DATABASE_URL)\n');
  }
  const pglite = await PgliteSqlClient.open();
  try {
    rows.push(...(await benchTarget('pglite (memory)', pglite, { single: env('BENCH_SINGLE_APPENDS', 2_000), batch: env('BENCH_BATCH_APPENDS', 60) })));
  } finally {
    await pglite.close();
  }
  process.stdout.write(`\nnode ${process.version}, ${new Date().toISOString()}\n`);
  print(rows);
  report(rows);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});

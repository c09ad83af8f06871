/**
 * `npm run bench:peer`: our PostgreSQL event store beside Emmett's (`@event-driven-io/emmett-postgresql`, a dev
 * dependency of this benchmark only), on the same PostgreSQL server (BENCH_DATABASE_URL or DATABASE_URL), each in
 * its own scratch database, the same workloads alternating A B B A, printing each figure and the ratio
 * ours/Emmett. Goals (issue #8): ≥ 1.0 on every row, ≥ 1.5 on single-event appends. Nothing is asserted.
 *   BENCH_PEER_SINGLE (4000), BENCH_PEER_BATCHES (200), BENCH_PEER_READS (40), BENCH_PEER_CATCHUP (200000), BENCH_WRITERS (16).
 */
import { randomUUID } from 'node:crypto';
import { dumbo } from '@event-driven-io/dumbo';
import { getPostgreSQLEventStore, readMessagesBatch } from '@event-driven-io/emmett-postgresql';
import { type NewEvent, PostgresEventStore } from '@casebook/event-store';
import { PgSqlClient, createScratchDatabase } from '@casebook/platform';
import { type Measurement, benchEvent, perSecond, reportResult } from './bench-workloads';

const env = (name: string, fallback: number): number => Number(process.env[name] ?? fallback);

/** The four workloads of the issue, for one store. */
interface Contender {
  readonly name: string;
  append(streamId: string, events: readonly NewEvent[], expected: number | 'no-stream'): Promise<void>;
  readStream(streamId: string): Promise<number>;
  /** Reads every event after the start in pages; returns how many. */
  catchUp(pageSize: number): Promise<number>;
  close(): Promise<void>;
}

async function ours(url: string, writers: number): Promise<Contender> {
  const sql = new PgSqlClient({ connectionString: url, poolSize: writers + 4 });
  const store = await PostgresEventStore.open(sql);
  return {
    name: 'casebook',
    append: async (streamId, events, expected) => void (await store.appendToStream(streamId, events, { expectedRevision: expected })),
    readStream: async (streamId) => (await store.readStream(streamId)).length,
    catchUp: async (pageSize) => {
      let after: number | 'start' = 'start';
      let count = 0;
      for (;;) {
        const page = await store.readAll({ from: after, limit: pageSize });
        if (!page.length) return count;
        count += page.length;
        after = page.at(-1)!.globalPosition;
      }
    },
    close: async () => {
      await store.close();
      await sql.close();
    },
  };
}

async function emmett(url: string): Promise<Contender> {
  const store = getPostgreSQLEventStore(url);
  await store.schema.migrate();
  const pool = dumbo({ connectionString: url });
  return {
    name: 'emmett',
    append: async (streamId, events, expected) =>
      void (await store.appendToStream(
        streamId,
        events.map((event) => ({ type: event.type, data: event.data as Record<string, unknown>, metadata: { ...event.metadata, eventId: event.eventId } })),
        { expectedStreamVersion: expected === 'no-stream' ? 0n : BigInt(expected + 1) },
      )),
    readStream: async (streamId) => (await store.readStream(streamId)).events.length,
    catchUp: async (pageSize) => {
      let after = 0n;
      let count = 0;
      for (;;) {
        const batch = await readMessagesBatch(pool.execute, { after, batchSize: pageSize });
        count += batch.messages.length;
        if (!batch.messages.length || !batch.areMessagesLeft) return count;
        after = batch.currentGlobalPosition;
      }
    },
    close: async () => {
      await pool.close();
      await store.close();
    },
  };
}

async function timed(operations: number, work: () => Promise<void>): Promise<Measurement> {
  const started = process.hrtime.bigint();
  await work();
  return { operations, seconds: Number(process.hrtime.bigint() - started) / 1e9 };
}

/** `writers` loops, each on its own new stream, sharing `total` appends of `batch` events. */
function appends(store: Contender, writers: number, total: number, batch: number): Promise<Measurement> {
  let remaining = total;
  return timed(total, async () => {
    await Promise.all(
      Array.from({ length: writers }, async () => {
        const streamId = `pupil-conduct-peer-${randomUUID()}`;
        for (let revision = -1; remaining > 0; revision += batch) {
          remaining--;
          await store.append(streamId, Array.from({ length: batch }, benchEvent), revision < 0 ? 'no-stream' : revision);
        }
      }),
    );
  });
}

async function fill(store: Contender, events: number): Promise<void> {
  for (let written = 0; written < events; written += 1_000) {
    await Promise.all(
      Array.from({ length: 10 }, () => store.append(`pupil-conduct-fill-${randomUUID()}`, Array.from({ length: 100 }, benchEvent), 'no-stream')),
    );
  }
}

interface Row {
  readonly workload: string;
  readonly unit: string;
  readonly ours: Measurement;
  readonly emmett: Measurement;
  readonly goal: number;
}

/** A B B A: each side runs first once, so drift on a shared machine (and table growth) hits both alike. */
async function abba(a: () => Promise<Measurement>, b: () => Promise<Measurement>): Promise<[Measurement, Measurement]> {
  const first = [await a(), await b()];
  const second = [await b(), await a()];
  const add = (x: Measurement, y: Measurement): Measurement => ({ operations: x.operations + y.operations, seconds: x.seconds + y.seconds });
  return [add(first[0]!, second[1]!), add(first[1]!, second[0]!)];
}

export async function runPeerBench(url: string): Promise<Row[]> {
  const writers = env('BENCH_WRITERS', 16);
  const dbs = [await createScratchDatabase(url, 'peer_ours'), await createScratchDatabase(url, 'peer_emmett')];
  const [a, b] = [await ours(dbs[0]!.url, writers), await emmett(dbs[1]!.url)];
  const rows: Row[] = [];
  try {
    await appends(a, writers, 200, 1);
    await appends(b, writers, 200, 1);
    const single = env('BENCH_PEER_SINGLE', 4_000) / 2;
    const [oursSingle, emmettSingle] = await abba(
      () => appends(a, writers, single, 1),
      () => appends(b, writers, single, 1),
    );
    rows.push({ workload: `append 1 event, ${writers} writers (appends/s)`, unit: 'appends/s', ours: oursSingle, emmett: emmettSingle, goal: 1.5 });
    const batches = env('BENCH_PEER_BATCHES', 200) / 2;
    const [oursBatch, emmettBatch] = await abba(
      () => appends(a, writers, batches, 100),
      () => appends(b, writers, batches, 100),
    );
    rows.push({
      workload: `append 100 events, ${writers} writers (events/s)`,
      unit: 'events/s',
      ours: { ...oursBatch, operations: oursBatch.operations * 100 },
      emmett: { ...emmettBatch, operations: emmettBatch.operations * 100 },
      goal: 1,
    });

    const long = `pupil-conduct-long-${randomUUID()}`;
    for (const store of [a, b])
      for (let revision = -1; revision < 999; revision += 100)
        await store.append(long, Array.from({ length: 100 }, benchEvent), revision < 0 ? 'no-stream' : revision);
    const reads = env('BENCH_PEER_READS', 40);
    const readAll = (store: Contender) =>
      timed(reads * 1_000, async () => void (await Promise.all(Array.from({ length: reads }, () => store.readStream(long)))));
    const [oursRead, emmettRead] = await abba(
      () => readAll(a),
      () => readAll(b),
    );
    rows.push({ workload: 'read a stream of 1,000 events (events/s)', unit: 'events/s', ours: oursRead, emmett: emmettRead, goal: 1 });

    const catchUpEvents = env('BENCH_PEER_CATCHUP', 200_000);
    await fill(a, catchUpEvents);
    await fill(b, catchUpEvents);
    const catchUp = async (store: Contender) => {
      let count = 0;
      const measured = await timed(0, async () => void (count = await store.catchUp(1_000)));
      return { ...measured, operations: count };
    };
    const [oursCatchUp, emmettCatchUp] = await abba(
      () => catchUp(a),
      () => catchUp(b),
    );
    rows.push({ workload: `catch-up over all events, pages of 1,000 (events/s)`, unit: 'events/s', ours: oursCatchUp, emmett: emmettCatchUp, goal: 1 });
  } finally {
    await a.close();
    await b.close();
    for (const db of dbs) await db.drop();
  }
  return rows;
}

export function printPeerRows(rows: readonly Row[]): void {
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(50) : c.padStart(12))).join(' ');
  process.stdout.write(`${line(['workload (same server, A B B A)', 'casebook', 'emmett', 'ratio', 'goal'])}\n`);
  for (const row of rows) {
    const ratio = perSecond(row.ours) / perSecond(row.emmett);
    process.stdout.write(
      `${line([row.workload, String(Math.round(perSecond(row.ours))), String(Math.round(perSecond(row.emmett))), ratio.toFixed(2), `≥ ${row.goal.toFixed(1)}`])}\n`,
    );
  }
  for (const row of rows) {
    const ratio = perSecond(row.ours) / perSecond(row.emmett);
    reportResult(
      `vs Emmett: ${row.workload}`,
      `${ratio.toFixed(2)} (${Math.round(perSecond(row.ours))} vs ${Math.round(perSecond(row.emmett))})`,
      `≥ ${row.goal.toFixed(1)}`,
      ratio >= row.goal,
    );
  }
}

if (require.main === module) {
  const url = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL;
  if (!url) {
    process.stderr.write('bench:peer needs BENCH_DATABASE_URL or DATABASE_URL (a PostgreSQL server)\n');
    process.exit(2);
  }
  runPeerBench(url)
    .then(printPeerRows)
    .catch((error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
      process.exit(1);
    });
}

import { randomUUID } from 'node:crypto';
import { type EventStore, type NewEvent, newEventId } from '@casebook/event-store';
import type { SqlClient } from '@casebook/platform';

/** One measured figure: how many operations in how many seconds. */
export interface Measurement {
  readonly operations: number;
  readonly seconds: number;
}

export const perSecond = (m: Measurement): number => m.operations / m.seconds;

const METADATA = {
  actorId: 'staff-bench',
  actorRole: 'director',
  schoolId: 'school-bench',
  correlationId: randomUUID(),
  causationId: null,
  occurredAt: '2026-11-02T09:30:00.000+01:00',
};
const DATA = { category: 'phone-violation', device: 'phone', conditionChecked: { damage: 'none', working: true } };

export function benchEvent(): NewEvent {
  return { eventId: newEventId(), type: 'device-taken-into-custody', schemaVersion: 1, data: DATA, metadata: METADATA };
}

/** An event with a personal text (E3's reason): what the privacy layer seals, to the pupil of the stream. */
export function personalEvent(): NewEvent {
  const data = {
    pupilId: 'bench',
    schoolId: 'school-bench',
    actionId: randomUUID(),
    reason: 'Stuurde een beledigend bericht naar een klasgenoot via de schoolmail',
    obligations: [],
  };
  return { eventId: newEventId(), type: 'EmailUseWarned', schemaVersion: 1, data, metadata: METADATA };
}

async function timed(operations: number, work: () => Promise<void>): Promise<Measurement> {
  const started = process.hrtime.bigint();
  await work();
  return { operations, seconds: Number(process.hrtime.bigint() - started) / 1e9 };
}

/** `writers` concurrent loops, each with its own stream, sharing `total` appends of `batch` events each. */
export function storeAppends(store: EventStore, writers: number, total: number, batch: number, event: () => NewEvent = benchEvent): Promise<Measurement> {
  let remaining = total;
  return timed(total, async () => {
    await Promise.all(
      Array.from({ length: writers }, async () => {
        // Each writer's pupil is the stream's subject: 16 pupils, each with their own data key once sealed.
        const streamId = `pupil-conduct-bench-${randomUUID()}`;
        for (let revision = -1; remaining > 0; revision += batch) {
          remaining--;
          const events = Array.from({ length: batch }, event);
          await store.appendToStream(streamId, events, { expectedRevision: revision < 0 ? 'no-stream' : revision });
        }
      }),
    );
  });
}

export const BASELINE_TABLE = `
CREATE TABLE IF NOT EXISTS bench_baseline (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, event_id uuid NOT NULL, stream_id text NOT NULL,
  type text NOT NULL, data jsonb NOT NULL, metadata jsonb NOT NULL, recorded_at timestamptz NOT NULL DEFAULT now())`;

/**
 * The physical baseline: the same rows as plain INSERTs through the same client, autocommit, with the same
 * durability (the server's synchronous_commit), no event store logic at all.
 */
export function baselineInserts(sql: SqlClient, writers: number, total: number, batch: number): Promise<Measurement> {
  let remaining = total;
  const rows = Array.from({ length: batch }, (_, i) => `(${[1, 2, 3, 4, 5].map((c) => `$${i * 5 + c}`).join(', ')})`).join(', ');
  const text = `INSERT INTO bench_baseline (event_id, stream_id, type, data, metadata) VALUES ${rows}`;
  return timed(total, async () => {
    await Promise.all(
      Array.from({ length: writers }, async () => {
        const streamId = `baseline-${randomUUID()}`;
        while (remaining > 0) {
          remaining--;
          const params = Array.from({ length: batch }, benchEvent).flatMap((e) => [
            e.eventId,
            streamId,
            e.type,
            JSON.stringify(e.data),
            JSON.stringify(e.metadata),
          ]);
          await sql.query(text, params);
        }
      }),
    );
  });
}

/** Reads every event after `from` through readAll, page by page, as a catching-up subscriber does. */
export async function storeCatchUp(store: EventStore, pageSize: number): Promise<Measurement> {
  let read = 0;
  const m = await timed(0, async () => {
    for (let from = 0; ;) {
      const page = await store.readAll({ from, limit: pageSize });
      if (page.length === 0) break;
      read += page.length;
      from = page[page.length - 1]!.globalPosition;
    }
  });
  return { operations: read, seconds: m.seconds };
}

/** The baseline of catch-up: keyset paging over the plain table, same page size. */
export async function baselineCatchUp(sql: SqlClient, pageSize: number): Promise<Measurement> {
  let read = 0;
  const m = await timed(0, async () => {
    for (let from = 0; ;) {
      const page = await sql.query<{ id: string | number }>(
        'SELECT id, event_id, stream_id, type, data, metadata, recorded_at FROM bench_baseline WHERE id > $1 ORDER BY id LIMIT $2',
        [from, pageSize],
      );
      if (page.length === 0) break;
      read += page.length;
      from = Number(page[page.length - 1]!.id);
    }
  });
  return { operations: read, seconds: m.seconds };
}

/** Fills the store (and the baseline table) to `events` events with large appends, untimed. */
export async function fill(store: EventStore, sql: SqlClient, events: number): Promise<void> {
  const count = async (table: string): Promise<number> =>
    Number((await sql.query<{ count: string | number }>(`SELECT count(*) AS count FROM ${table}`))[0]!.count);
  const stored = await count('es_events');
  if (stored < events) await storeAppends(store, 4, Math.ceil((events - stored) / 1_000), 1_000);
  const plain = await count('bench_baseline');
  if (plain < events) await baselineInserts(sql, 4, Math.ceil((events - plain) / 1_000), 1_000);
}

/**
 * One figure with its goal, as a line `npm run bench` collects (test/bench/run-all.ts) into results/latest.json and
 * the Markdown table. `met` is null where the figure has no goal of its own (a baseline).
 */
export function reportResult(figure: string, value: string, goal: string, met: boolean | null): void {
  process.stdout.write(`BENCH_RESULT ${JSON.stringify({ figure, value, goal, met })}\n`);
}

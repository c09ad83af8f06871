import { type SqlClient, type SqlRow, constraintOf, runMigrations, sqlStateOf } from '@casebook/platform';
import { validateAppend } from '../append-validation';
import { contentHashOf } from '../chain/event-chain';
import type { EventMetadata, NewEvent, RecordedEvent } from '../event-envelope';
import { IdempotencyConflictError, InvalidAppendError, WrongExpectedRevisionError } from '../event-store.errors';
import type { AppendOptions, AppendResult, EventStore, ReadAllOptions, ReadStreamOptions, StreamAppend } from '../event-store.port';
import { categoryOf } from '../stream-ids';
import { AppendNotifier } from './append-notifier';
import { EVENTS_PER_TRANSACTION, EVENT_STORE_MIGRATIONS } from './event-store.migrations';

export interface PostgresEventStoreOptions {
  /** Kept for callers that pass it; readers poll on their own interval (EventConsumer). */
  readonly pollIntervalMs?: number;
}

interface EventRow extends SqlRow {
  global_position: string | number;
  event_id: string;
  stream_id: string;
  stream_revision: string | number;
  type: string;
  schema_version: number;
  data: unknown;
  metadata: Omit<EventMetadata, 'recordedAt'>;
  recorded_at: Date | string;
  hash: string | null;
}

const EVENT_COLUMNS = "global_position, event_id, stream_id, stream_revision, type, schema_version, data, metadata, recorded_at, encode(hash, 'hex') AS hash";

/** A retried append lost a race to a writer of the same event ids; the next try takes the idempotent path. */
const MAX_APPEND_TRIES = 5;

/**
 * The event store on PostgreSQL, through SqlClient: a PostgreSQL server (pg) or PGlite in-process.
 * Append is one call of the es_append function; readAll applies the transaction-id watermark.
 * Positions are `transaction id × 4096 + index`: increasing, not dense (like EventStoreDB's).
 */
export class PostgresEventStore implements EventStore {
  readonly kind: 'postgres' | 'pglite';
  private readonly notifier: AppendNotifier;

  private constructor(private readonly sql: SqlClient) {
    this.kind = sql.engine;
    this.notifier = new AppendNotifier(sql);
  }

  /** Applies pending migrations, then returns a store that listens for appends of other processes. */
  static async open(sql: SqlClient, _options: PostgresEventStoreOptions = {}): Promise<PostgresEventStore> {
    await runMigrations(sql, 'event-store', EVENT_STORE_MIGRATIONS);
    const store = new PostgresEventStore(sql);
    await store.notifier.start();
    return store;
  }

  async appendToStream(streamId: string, events: readonly NewEvent[], options: AppendOptions): Promise<AppendResult> {
    validateAppend(streamId, events, options);
    const { expectedRevision } = options;
    const kind = typeof expectedRevision === 'number' ? 'exact' : expectedRevision;
    const expected = typeof expectedRevision === 'number' ? expectedRevision : null;
    const payload = JSON.stringify(events.map(toPayload));
    const category = categoryOf(streamId);

    for (let attempt = 1; ; attempt++) {
      try {
        const rows = await this.sql.query<{ revision: string | number; global_position: string | number; duplicate: boolean }>(
          'SELECT revision, global_position, duplicate FROM es_append($1, $2, $3, $4, $5::jsonb)',
          [streamId, category, kind, expected, payload],
          { prepareAs: 'es_append' },
        );
        if (!rows[0]?.duplicate) this.notifier.appended();
        return toAppendResult(streamId, rows);
      } catch (error) {
        const state = sqlStateOf(error);
        if (state === 'ES409') throw new WrongExpectedRevisionError(streamId, expectedRevision, detailRevision(error));
        if (state === 'ES422') throw new IdempotencyConflictError(streamId);
        if (state === 'ES413') throw new InvalidAppendError(`More than ${EVENTS_PER_TRANSACTION} events in one transaction`);
        if (state !== '23505') throw error;
        // A unique index refused the insert: either these event ids were appended before (a retry, answered
        // with the first result), or a concurrent writer took the revision.
        const prior = await this.priorAppend(streamId, events);
        if (prior) return prior;
        if ((constraintOf(error) ?? '').includes('stream_revision') && kind !== 'any') {
          throw new WrongExpectedRevisionError(streamId, expectedRevision, undefined);
        }
        // 'any' lost a race for a revision (or an aborted twin freed the ids): the next try resolves it.
        if (attempt >= MAX_APPEND_TRIES) throw error;
      }
    }
  }

  /**
   * One statement calls es_append once per new stream: one transaction, one commit for all of them (a group commit
   * made by the caller). A stream that exists already fails the whole statement (ES409), and nothing is written.
   */
  async appendToNewStreams(appends: readonly { readonly streamId: string; readonly events: readonly NewEvent[] }[]): Promise<AppendResult[]> {
    if (!appends.length) return [];
    const total = appends.reduce((n, append) => n + append.events.length, 0);
    if (total > EVENTS_PER_TRANSACTION) throw new InvalidAppendError(`More than ${EVENTS_PER_TRANSACTION} events in one transaction`);
    for (const append of appends) validateAppend(append.streamId, append.events, { expectedRevision: 'no-stream' });
    const batch = JSON.stringify(
      appends.map((append) => ({ streamId: append.streamId, category: categoryOf(append.streamId), events: append.events.map(toPayload) })),
    );
    const rows = await this.sql.query<{ stream_id: string; revision: string | number; global_position: string | number }>(
      `SELECT a.x->>'streamId' AS stream_id, r.revision, r.global_position
         FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS a(x, ord),
              LATERAL es_append(a.x->>'streamId', a.x->>'category', 'no-stream', NULL, a.x->'events') AS r
        ORDER BY a.ord`,
      [batch],
    );
    this.notifier.appended();
    return appends.map((append) =>
      toAppendResult(
        append.streamId,
        rows.filter((row) => row.stream_id === append.streamId),
      ),
    );
  }

  /**
   * One statement calls es_append once per stream, in the order given, each at its expected revision: one
   * transaction, all or nothing. A stream that moved (ES409, or a concurrent writer of the same revision: 23505)
   * fails the whole statement and nothing is written. Positions follow the transaction, so a commit that lost the
   * race and is tried again comes after the one that won.
   */
  async appendToStreams(appends: readonly StreamAppend[]): Promise<AppendResult[]> {
    if (!appends.length) return [];
    const total = appends.reduce((n, append) => n + append.events.length, 0);
    if (total > EVENTS_PER_TRANSACTION) throw new InvalidAppendError(`More than ${EVENTS_PER_TRANSACTION} events in one transaction`);
    for (const append of appends) validateAppend(append.streamId, append.events, { expectedRevision: append.expectedRevision });
    const batch = JSON.stringify(
      appends.map(({ streamId, events, expectedRevision }) => ({
        streamId,
        category: categoryOf(streamId),
        kind: typeof expectedRevision === 'number' ? 'exact' : expectedRevision,
        expected: typeof expectedRevision === 'number' ? expectedRevision : null,
        events: events.map(toPayload),
      })),
    );
    let rows: { stream_id: string; revision: string | number; global_position: string | number; duplicate: boolean }[];
    try {
      rows = await this.sql.query(
        `SELECT a.x->>'streamId' AS stream_id, r.revision, r.global_position, r.duplicate
           FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS a(x, ord),
                LATERAL es_append(a.x->>'streamId', a.x->>'category', a.x->>'kind', (a.x->>'expected')::bigint, a.x->'events') AS r
          ORDER BY a.ord`,
        [batch],
      );
    } catch (error) {
      const state = sqlStateOf(error);
      const streams = appends.map((append) => append.streamId).join(', ');
      if (state === 'ES409' || (state === '23505' && (constraintOf(error) ?? '').includes('stream_revision'))) {
        throw new WrongExpectedRevisionError(streams, appends[0]!.expectedRevision, undefined);
      }
      if (state === 'ES422' || state === '23505') throw new IdempotencyConflictError(streams);
      throw error;
    }
    if (rows.some((row) => !row.duplicate)) this.notifier.appended();
    return appends.map((append) =>
      toAppendResult(
        append.streamId,
        rows.filter((row) => row.stream_id === append.streamId),
      ),
    );
  }

  private async priorAppend(streamId: string, events: readonly NewEvent[]): Promise<AppendResult | undefined> {
    try {
      const rows = await this.sql.query<{ revision: string | number; global_position: string | number }>(
        'SELECT revision, global_position FROM es_prior_append($1, $2::uuid[])',
        [streamId, events.map((event) => event.eventId.toLowerCase())],
      );
      return rows.length ? toAppendResult(streamId, rows) : undefined;
    } catch (error) {
      if (sqlStateOf(error) === 'ES422') throw new IdempotencyConflictError(streamId);
      throw error;
    }
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const rows = await this.sql.query<EventRow>(
      `SELECT ${EVENT_COLUMNS} FROM es_events WHERE stream_id = $1 AND stream_revision >= $2 ORDER BY stream_revision LIMIT $3`,
      [streamId, options.fromRevision ?? 0, options.maxCount ?? null],
    );
    return rows.map(toRecordedEvent);
  }

  async readAll(options: ReadAllOptions): Promise<RecordedEvent[]> {
    const after = options.from === 'start' ? 0 : options.from;
    const filter = options.categories?.length ? 'AND category = ANY ($3::text[])' : '';
    const params: unknown[] = [after, options.limit];
    if (filter) params.push(options.categories);
    // The watermark: only positions of transactions older than every transaction still running. An event
    // that can still commit has a transaction id at or above it, so a position above every one returned
    // here: a reader that moves past a position never misses an event below it (event-store.migrations.ts).
    const rows = await this.sql.query<EventRow>(
      `SELECT ${EVENT_COLUMNS} FROM es_events
        WHERE global_position > $1
          AND global_position < es_watermark()
          ${filter}
        ORDER BY global_position
        LIMIT $2`,
      params,
      { prepareAs: filter ? 'es_read_all_categories' : 'es_read_all' },
    );
    return rows.map(toRecordedEvent);
  }

  onAppended(wake: () => void): () => void {
    return this.notifier.onAppended(wake);
  }

  async headPosition(): Promise<number> {
    const rows = await this.sql.query<{ head: string | number | null }>(
      'SELECT max(global_position) AS head FROM es_events WHERE global_position < es_watermark()',
    );
    return Number(rows[0]?.head ?? 0);
  }

  async ping(): Promise<void> {
    await this.sql.query('SELECT 1 FROM es_events LIMIT 1');
  }

  async close(): Promise<void> {
    await this.notifier.stop();
  }
}

function toAppendResult(streamId: string, rows: readonly { revision: string | number; global_position: string | number }[]): AppendResult {
  return {
    streamId,
    revision: Math.max(...rows.map((row) => Number(row.revision))),
    position: Math.max(...rows.map((row) => safeNumber(row.global_position))),
  };
}

/** What es_append takes for one event. */
function toPayload(event: NewEvent) {
  return {
    eventId: event.eventId.toLowerCase(),
    type: event.type,
    schemaVersion: event.schemaVersion,
    data: event.data,
    metadata: writerMetadata(event),
    // The stream chain links it in the append's transaction (event-store.migrations.ts, 002-hash-chain).
    contentHash: contentHashOf(event),
  };
}

/** B4: recordedAt is the store's; one a writer slips in is not kept (nor hashed: contentHashOf leaves it out). */
function writerMetadata(event: NewEvent): Omit<EventMetadata, 'recordedAt'> {
  const { recordedAt: _ignored, ...metadata } = event.metadata as EventMetadata;
  return metadata;
}

function toRecordedEvent(row: EventRow): RecordedEvent {
  const recordedAt = row.recorded_at instanceof Date ? row.recorded_at.toISOString() : new Date(row.recorded_at).toISOString();
  return {
    eventId: row.event_id,
    type: row.type,
    schemaVersion: row.schema_version,
    streamId: row.stream_id,
    streamRevision: Number(row.stream_revision),
    globalPosition: safeNumber(row.global_position),
    data: row.data,
    metadata: { ...row.metadata, recordedAt },
    ...(row.hash ? { hash: row.hash } : {}),
  };
}

/** Positions stay exact in JS numbers up to transaction id 2^41 (2.2 × 10^12 transactions); beyond, refuse. */
function safeNumber(value: string | number): number {
  const number = Number(value);
  if (!Number.isSafeInteger(number)) throw new Error(`Global position ${value} exceeds the safe integer range`);
  return number;
}

function detailRevision(error: unknown): number | undefined {
  const detail = (error as { detail?: unknown }).detail;
  return typeof detail === 'string' && /^-?\d+$/.test(detail) ? Number(detail) : undefined;
}

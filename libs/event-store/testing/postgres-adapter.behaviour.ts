import { type SqlClient, sqlStateOf } from '@casebook/platform';
import { waitUntil } from '@casebook/testing';
import { testConsumer } from './test-consumer';
import { testEvent, testEvents, testStream } from './event-fixtures';
import { GENESIS_HASH, type NewEvent, PostgresEventStore, contentHashOf, recomputeEventHash } from '../src';

/** es_append's argument as the adapter builds it: each event with its content hash (002-hash-chain). */
const payload = (events: readonly NewEvent[]): string => JSON.stringify(events.map((event) => ({ ...event, contentHash: contentHashOf(event) })));

/**
 * What the PostgreSQL adapter promises beyond the port's contract, on PGlite and on the server alike.
 * `open` gives a fresh SqlClient on an empty database; `openAnother` a second one on the same database (a
 * second process), or undefined where that cannot exist (PGlite).
 */
export function describePostgresAdapterBehaviour(
  open: () => Promise<{ sql: SqlClient; openAnother?: () => Promise<SqlClient>; cleanup: () => Promise<void> }>,
): void {
  let sql: SqlClient;
  let openAnother: (() => Promise<SqlClient>) | undefined;
  let cleanup: () => Promise<void>;
  let store: PostgresEventStore;

  beforeAll(async () => {
    ({ sql, openAnother, cleanup } = await open());
    store = await PostgresEventStore.open(sql, { pollIntervalMs: 60_000 });
  });
  afterAll(async () => {
    await store?.close();
    await cleanup?.();
  });

  it('keeps es_events append-only: UPDATE, DELETE and TRUNCATE are refused', async () => {
    const streamId = testStream();
    await store.appendToStream(streamId, [testEvent()], { expectedRevision: 'no-stream' });
    for (const statement of [
      `UPDATE es_events SET data = '{"changed":true}' WHERE stream_id = '${streamId}'`,
      `DELETE FROM es_events WHERE stream_id = '${streamId}'`,
      'TRUNCATE es_events',
    ]) {
      const refused = await sql.query(statement).then(
        () => 'accepted',
        (error: unknown) => sqlStateOf(error),
      );
      expect(refused).toBe('ES405');
    }
    expect(await store.readStream(streamId)).toHaveLength(1);
  });

  it('applies its migrations once: opening again changes nothing', async () => {
    const before = await sql.query<{ id: string }>(`SELECT id FROM schema_migrations WHERE owner = 'event-store'`);
    const again = await PostgresEventStore.open(sql);
    await again.close();
    const after = await sql.query<{ id: string }>(`SELECT id FROM schema_migrations WHERE owner = 'event-store'`);
    expect(after).toEqual(before);
    expect(after.map((row) => row.id)).toEqual(['001-events', '002-hash-chain']);
  });

  it('lets one transaction append to several streams, positions still increasing', async () => {
    const [a, b] = [testStream(), testStream()];
    const rows = await sql.transaction(async (tx) => {
      const first = await tx.query<{ global_position: string }>(`SELECT global_position FROM es_append($1, 'pupil-incident', 'no-stream', NULL, $2::jsonb)`, [
        a,
        payload(testEvents(2)),
      ]);
      const second = await tx.query<{ global_position: string }>(`SELECT global_position FROM es_append($1, 'pupil-incident', 'no-stream', NULL, $2::jsonb)`, [
        b,
        payload(testEvents(1)),
      ]);
      return [...first, ...second].map((row) => Number(row.global_position));
    });
    expect(rows).toEqual([rows[0], rows[0]! + 1, rows[0]! + 2]);
    expect((await store.readStream(b))[0]!.globalPosition).toBe(rows[2]);
  });

  it('appends to several new streams in one commit, chained like any append; an existing stream fails them all', async () => {
    const streams = [testStream('access-log'), testStream('access-log'), testStream('access-log')];
    const results = await store.appendToNewStreams(streams.map((streamId) => ({ streamId, events: [testEvent('DossierRead')] })));
    expect(results.map((result) => [result.streamId, result.revision])).toEqual(streams.map((streamId) => [streamId, 0]));
    // One transaction: every position comes from the same transaction id (× 4096), one after another.
    const base = Math.floor(results[0]!.position / 4096);
    expect(results.map((result) => Math.floor(result.position / 4096))).toEqual([base, base, base]);
    expect(results.map((result) => result.position)).toEqual([results[0]!.position, results[0]!.position + 1, results[0]!.position + 2]);
    for (const streamId of streams) {
      const [event] = await store.readStream(streamId);
      expect(event!.hash).toBe(recomputeEventHash(event!, GENESIS_HASH));
    }
    const fresh = testStream('access-log');
    const refused = await store
      .appendToNewStreams([
        { streamId: fresh, events: [testEvent()] },
        { streamId: streams[0]!, events: [testEvent()] },
      ])
      .then(
        () => 'accepted',
        (error: unknown) => sqlStateOf(error),
      );
    expect(refused).toBe('ES409');
    expect(await store.readStream(fresh)).toEqual([]);
  });

  it('appends to several streams at their expected revisions in one commit; a moved stream fails them all (#31)', async () => {
    const counter = testStream('case-numbers');
    await store.appendToStream(counter, [testEvent()], { expectedRevision: 'no-stream' });
    const caseA = testStream();
    const [onCounter, onCase] = await store.appendToStreams!([
      { streamId: counter, events: [testEvent()], expectedRevision: 0 },
      { streamId: caseA, events: testEvents(2), expectedRevision: 'no-stream' },
    ]);
    expect([onCounter!.revision, onCase!.revision]).toEqual([1, 1]);
    expect(onCase!.position).toBe(onCounter!.position + 2);
    // The counter moved on: neither stream is written, and the error is the store's own.
    const caseB = testStream();
    const stale = await store.appendToStreams!([
      { streamId: counter, events: [testEvent()], expectedRevision: 0 },
      { streamId: caseB, events: [testEvent()], expectedRevision: 'no-stream' },
    ]).then(
      () => 'accepted',
      (error: unknown) => (error as Error).name,
    );
    expect(stale).toBe('WrongExpectedRevisionError');
    expect(await store.readStream(caseB)).toEqual([]);
    expect(await store.readStream(counter)).toHaveLength(2);
  });

  it('lets one of two commits racing for a counter revision win; the loser writes nothing (#31)', async () => {
    if (!openAnother) return; // PGlite: one connection, nothing runs side by side.
    const otherSql = await openAnother();
    const other = await PostgresEventStore.open(otherSql);
    try {
      const counter = testStream('case-numbers');
      await store.appendToStream(counter, [testEvent()], { expectedRevision: 'no-stream' });
      const cases = [testStream(), testStream()];
      const outcomes = await Promise.all(
        [store, other].map((writer, i) =>
          writer.appendToStreams!([
            { streamId: counter, events: [testEvent()], expectedRevision: 0 },
            { streamId: cases[i]!, events: [testEvent()], expectedRevision: 'no-stream' },
          ]).then(
            () => 'won',
            (error: unknown) => (error as Error).name,
          ),
        ),
      );
      expect([...outcomes].sort()).toEqual(['WrongExpectedRevisionError', 'won']);
      const written = await Promise.all(cases.map(async (streamId) => (await store.readStream(streamId)).length));
      expect([...written].sort()).toEqual([0, 1]);
    } finally {
      await other.close();
    }
  });

  it('wakes a consumer in another process on append (NOTIFY), long before its poll interval', async () => {
    if (!openAnother) return; // PGlite: one process only; the in-process wake-up is covered by the contract.
    const otherSql = await openAnother();
    const other = await PostgresEventStore.open(otherSql);
    const { consumer, received } = testConsumer(other, { start: await other.headPosition(), pollIntervalMs: 60_000 });
    try {
      consumer.start();
      await waitUntil(async () => consumer.waiting, 'the consumer to wait for appends');
      const event = testEvent();
      await store.appendToStream(testStream(), [event], { expectedRevision: 'no-stream' });
      // The poll interval is a minute; the 20 s bound of this wait can only be met by the NOTIFY wake-up.
      await waitUntil(async () => received.some((e) => e.eventId === event.eventId), 'the other process to be woken', 20_000);
    } finally {
      await consumer.stop();
      await other.close();
      await otherSql.close();
    }
  });

  it('holds readers below a transaction still in flight, then delivers its event first (the watermark)', async () => {
    if (!openAnother) return; // needs two sessions: PGlite runs one transaction at a time.
    const start = await store.headPosition();
    const early = testEvent('early');
    const late = testEvent('late');
    let releaseEarly!: () => void;
    const earlyMayCommit = new Promise<void>((resolve) => (releaseEarly = resolve));
    let earlyAppended!: () => void;
    const earlyIsInFlight = new Promise<void>((resolve) => (earlyAppended = resolve));

    // Transaction 1 appends `early` and stays open: its transaction id, so its position, is the lower one.
    const earlyTransaction = sql.transaction(async (tx) => {
      await tx.query(`SELECT * FROM es_append($1, 'pupil-incident', 'no-stream', NULL, $2::jsonb)`, [testStream(), payload([early])]);
      earlyAppended();
      await earlyMayCommit;
    });
    await earlyIsInFlight;
    const readIds = async (): Promise<string[]> => (await store.readAll({ from: start, limit: 100 })).map((e) => e.eventId);
    try {
      // Transaction 2 appends `late` and commits first.
      const committedLate = await store.appendToStream(testStream(), [late], { expectedRevision: 'no-stream' });
      // A reader must not see `late` yet: moving past its position now would skip `early` for good.
      expect(await readIds()).toEqual([]);
      expect(await store.headPosition()).toBeLessThan(committedLate.position);
    } finally {
      // Also on failure: an open transaction would keep its connection, and the suite could not close.
      releaseEarly();
      await earlyTransaction;
    }
    expect(await readIds()).toEqual([early.eventId, late.eventId]);
  });
}

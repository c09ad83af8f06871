import { IdempotencyConflictError, InvalidAppendError, WrongExpectedRevisionError, type EventStore } from '../src';
import { describeChainContract } from './event-store-chain.contract';
import { describeConcurrencyContract } from './event-store-concurrency.contract';
import { describeConsumerContract } from './event-consumer.contract';
import { testEvent, testEvents, testStream } from './event-fixtures';

export interface ContractSubject {
  readonly store: EventStore;
  cleanup(): Promise<void>;
}

/**
 * The behaviour every EventStore adapter must have (issue #2, item 6). Each adapter's *.int-spec.ts calls this
 * with a factory giving a fresh, empty store; the same tests run on PGlite, the PostgreSQL server and
 * EventStoreDB.
 */
export function describeEventStoreContract(open: () => Promise<ContractSubject>): void {
  let subject: ContractSubject;
  let store: EventStore;

  beforeAll(async () => {
    subject = await open();
    store = subject.store;
  });
  afterAll(async () => {
    await subject?.cleanup();
  });

  describe('append and read a stream', () => {
    it('appends to a new stream and reads back the full envelope', async () => {
      const streamId = testStream();
      const events = testEvents(2);
      const result = await store.appendToStream(streamId, events, { expectedRevision: 'no-stream' });
      expect(result).toEqual({ streamId, revision: 1, position: expect.any(Number) });

      const read = await store.readStream(streamId);
      expect(read.map((event) => event.eventId)).toEqual(events.map((event) => event.eventId));
      expect(read.map((event) => event.streamRevision)).toEqual([0, 1]);
      expect(read[1]!.globalPosition).toBe(result.position);
      expect(read[0]!.globalPosition).toBeLessThan(read[1]!.globalPosition);
      expect(read[0]).toMatchObject({
        type: 'thing-happened',
        schemaVersion: 1,
        streamId,
        data: { index: 0 },
        metadata: { ...events[0]!.metadata, recordedAt: expect.any(String) },
      });
    });

    it('sets recordedAt itself, ignoring any value a writer slips in (B4: nothing can be backdated)', async () => {
      const streamId = testStream();
      const event = testEvent();
      const sneaky = { ...event, metadata: { ...event.metadata, recordedAt: '2001-01-01T00:00:00.000Z' } };
      const before = Date.now();
      await store.appendToStream(streamId, [sneaky], { expectedRevision: 'no-stream' });
      const [read] = await store.readStream(streamId);
      expect(Date.parse(read!.metadata.recordedAt)).toBeGreaterThanOrEqual(before - 5_000);
      expect(read!.metadata.occurredAt).toBe(event.metadata.occurredAt);
    });

    it('reads an unknown stream as empty', async () => {
      expect(await store.readStream(testStream())).toEqual([]);
    });

    it('reads a stream from a revision', async () => {
      const streamId = testStream();
      await store.appendToStream(streamId, testEvents(5), { expectedRevision: 'no-stream' });
      const read = await store.readStream(streamId, { fromRevision: 3 });
      expect(read.map((event) => event.streamRevision)).toEqual([3, 4]);
      expect((await store.readStream(streamId, { maxCount: 1 })).map((event) => event.streamRevision)).toEqual([0]);
      expect((await store.readStream(streamId, { fromRevision: 1, maxCount: 2 })).map((event) => event.streamRevision)).toEqual([1, 2]);
    });
  });

  describe('optimistic concurrency', () => {
    it('appends when the expected revision matches', async () => {
      const streamId = testStream();
      await store.appendToStream(streamId, [testEvent()], { expectedRevision: 'no-stream' });
      const result = await store.appendToStream(streamId, [testEvent()], { expectedRevision: 0 });
      expect(result.revision).toBe(1);
    });

    it('refuses a stale expected revision and names the actual one', async () => {
      const streamId = testStream();
      await store.appendToStream(streamId, testEvents(3), { expectedRevision: 'no-stream' });
      const attempt = store.appendToStream(streamId, [testEvent()], { expectedRevision: 1 });
      await expect(attempt).rejects.toBeInstanceOf(WrongExpectedRevisionError);
      await expect(attempt).rejects.toMatchObject({ streamId, expected: 1, actual: 2 });
      expect(await store.readStream(streamId)).toHaveLength(3);
    });

    it('refuses no-stream for a stream that exists', async () => {
      const streamId = testStream();
      await store.appendToStream(streamId, [testEvent()], { expectedRevision: 'no-stream' });
      await expect(store.appendToStream(streamId, [testEvent()], { expectedRevision: 'no-stream' })).rejects.toBeInstanceOf(WrongExpectedRevisionError);
    });

    it('refuses an exact revision for a stream that does not exist', async () => {
      await expect(store.appendToStream(testStream(), [testEvent()], { expectedRevision: 0 })).rejects.toMatchObject({
        actual: -1,
      });
    });

    it('appends with any, keeping revisions gapless', async () => {
      const streamId = testStream();
      await store.appendToStream(streamId, [testEvent()], { expectedRevision: 'any' });
      const result = await store.appendToStream(streamId, testEvents(2), { expectedRevision: 'any' });
      expect(result.revision).toBe(2);
    });
  });

  describe('idempotency by event id', () => {
    it('returns the first result for a retried append and writes nothing', async () => {
      const streamId = testStream();
      const events = testEvents(3);
      const start = await store.headPosition();
      const first = await store.appendToStream(streamId, events, { expectedRevision: 'no-stream' });
      const retry = await store.appendToStream(streamId, events, { expectedRevision: 'no-stream' });
      expect(retry).toEqual(first);
      expect(await store.readStream(streamId)).toHaveLength(3);
      const all = await store.readAll({ from: start, limit: 1_000 });
      expect(all.filter((event) => event.streamId === streamId)).toHaveLength(3);
    });

    it('returns the first result for a retry made after further appends to the stream', async () => {
      const streamId = testStream();
      const events = testEvents(2);
      const first = await store.appendToStream(streamId, events, { expectedRevision: 'no-stream' });
      await store.appendToStream(streamId, [testEvent()], { expectedRevision: 1 });
      expect(await store.appendToStream(streamId, events, { expectedRevision: 'no-stream' })).toEqual(first);
      expect(await store.readStream(streamId)).toHaveLength(3);
    });

    it('refuses to reuse event ids in a different append', async () => {
      const streamId = testStream();
      const [a, b] = testEvents(2);
      await store.appendToStream(streamId, [a!], { expectedRevision: 'no-stream' });
      await expect(store.appendToStream(streamId, [a!, b!], { expectedRevision: 'any' })).rejects.toBeInstanceOf(IdempotencyConflictError);
      await expect(store.appendToStream(testStream(), [a!], { expectedRevision: 'any' })).rejects.toBeInstanceOf(IdempotencyConflictError);
      expect(await store.readStream(streamId)).toHaveLength(1);
    });
  });

  describe('input the store refuses', () => {
    it.each([
      ['an empty append', () => store.appendToStream(testStream(), [], { expectedRevision: 'any' })],
      ['more than 4096 events at once', () => store.appendToStream(testStream(), testEvents(4097), { expectedRevision: 'any' })],
      ['an event id that is not a UUID', () => store.appendToStream(testStream(), [{ ...testEvent(), eventId: 'x' }], { expectedRevision: 'any' })],
      ['a stream id with a slash', () => store.appendToStream('pupil-incident/../x', [testEvent()], { expectedRevision: 'any' })],
      ['a negative expected revision', () => store.appendToStream(testStream(), [testEvent()], { expectedRevision: -1 })],
    ])('refuses %s', async (_label, attempt) => {
      await expect(attempt()).rejects.toBeInstanceOf(InvalidAppendError);
    });
  });

  describe('read all', () => {
    it('reads in global order after a position, with a limit and a category filter', async () => {
      const incident = testStream('pupil-incident');
      const conduct = testStream('pupil-conduct');
      const start = await store.headPosition();
      await store.appendToStream(incident, testEvents(2), { expectedRevision: 'no-stream' });
      await store.appendToStream(conduct, testEvents(2), { expectedRevision: 'no-stream' });
      await store.appendToStream(incident, testEvents(1), { expectedRevision: 1 });

      const all = (await store.readAll({ from: start, limit: 1_000 })).filter((e) => [incident, conduct].includes(e.streamId));
      expect(all.map((event) => event.streamId)).toEqual([incident, incident, conduct, conduct, incident]);
      const positions = all.map((event) => event.globalPosition);
      expect([...positions].sort((x, y) => x - y)).toEqual(positions);

      const limited = await store.readAll({ from: start, limit: 2 });
      expect(limited).toHaveLength(2);
      const next = await store.readAll({ from: limited[1]!.globalPosition, limit: 1 });
      expect(next[0]!.globalPosition).toBeGreaterThan(limited[1]!.globalPosition);

      const conductOnly = await store.readAll({ from: start, limit: 1_000, categories: ['pupil-conduct'] });
      expect(conductOnly.map((event) => event.streamId)).toEqual([conduct, conduct]);
    });

    it('reports the head position', async () => {
      const result = await store.appendToStream(testStream(), [testEvent()], { expectedRevision: 'no-stream' });
      expect(await store.headPosition()).toBeGreaterThanOrEqual(result.position);
    });
  });

  describeChainContract(() => store);
  describeConsumerContract(() => store);
  describeConcurrencyContract(() => store);
}

import { GENESIS_HASH, HASH_PATTERN, type EventStore, type RecordedEvent, recomputeEventHash } from '../src';
import { testEvent, testEvents, testStream } from './event-fixtures';

/** Recomputes every link of a stream read back from the store, as an auditor would (event-chain.ts). */
function recomputedHashes(events: readonly RecordedEvent[]): string[] {
  let previousHash = GENESIS_HASH;
  return events.map((event) => {
    const hash = recomputeEventHash(event, previousHash);
    previousHash = hash;
    return hash;
  });
}

/** The audit hash chain (issue #6): every adapter links each appended event to the one before it in its stream. */
export function describeChainContract(getStore: () => EventStore): void {
  describe('audit hash chain', () => {
    it('gives every event a hash that recomputes from its content and the previous event’s hash', async () => {
      const store = getStore();
      const streamId = testStream();
      await store.appendToStream(streamId, testEvents(3), { expectedRevision: 'no-stream' });
      await store.appendToStream(streamId, [testEvent('thing-happened', { text: 'één "quoted" line\n', n: 0.1, list: [1, null] })], { expectedRevision: 2 });
      await store.appendToStream(streamId, testEvents(2), { expectedRevision: 'any' });

      const events = await store.readStream(streamId);
      expect(events).toHaveLength(6);
      for (const event of events) expect(event.hash).toMatch(HASH_PATTERN);
      expect(events.map((event) => event.hash)).toEqual(recomputedHashes(events));
      // readAll carries the same hashes as readStream.
      const all = await store.readAll({ from: events[0]!.globalPosition - 1, limit: 10_000 });
      const fromAll = all.filter((event) => event.streamId === streamId).map((event) => event.hash);
      expect(fromAll).toEqual(events.map((event) => event.hash));
    });

    it('hashes what the writer gave, not a recordedAt it slipped in (B4)', async () => {
      const store = getStore();
      const streamId = testStream();
      const event = testEvent();
      await store.appendToStream(streamId, [{ ...event, metadata: { ...event.metadata, recordedAt: '2001-01-01T00:00:00.000Z' } as typeof event.metadata }], {
        expectedRevision: 'no-stream',
      });
      const [read] = await store.readStream(streamId);
      expect(read!.hash).toBe(recomputedHashes([read!])[0]);
      expect(read!.metadata.recordedAt).not.toBe('2001-01-01T00:00:00.000Z');
    });

    it('chains two streams independently: the first event of each links to the genesis hash', async () => {
      const store = getStore();
      const [a, b] = [testStream(), testStream()];
      const event = testEvent();
      await store.appendToStream(a, [event], { expectedRevision: 'no-stream' });
      await store.appendToStream(b, [testEvent()], { expectedRevision: 'no-stream' });
      const [first] = await store.readStream(a);
      const [other] = await store.readStream(b);
      expect(first!.hash).toBe(recomputedHashes([first!])[0]);
      expect(other!.hash).toBe(recomputedHashes([other!])[0]);
      expect(first!.hash).not.toBe(other!.hash);
    });
  });
}

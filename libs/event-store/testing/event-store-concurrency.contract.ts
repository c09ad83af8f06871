import { waitUntil } from '@casebook/testing';
import { type AppendResult, type EventStore, type NewEvent, WrongExpectedRevisionError } from '../src';
import { testEvent, testStream } from './event-fixtures';
import { testConsumer } from './test-consumer';

const WRITERS = 16;

/**
 * Concurrency properties, each over many rounds (issue #2, item 6). On PGlite appends are serialized by its
 * single session; on the PostgreSQL server they really race, which is where these tests earn their keep.
 */
export function describeConcurrencyContract(getStore: () => EventStore): void {
  describe('concurrency', () => {
    it(`${WRITERS} writers on one stream: per revision exactly one wins, the rest get a concurrency error`, async () => {
      const store = getStore();
      const streamId = testStream();
      const rounds = 25;
      const winners: string[] = [];
      for (let round = 0; round < rounds; round++) {
        const expected = round === 0 ? ('no-stream' as const) : round - 1;
        const candidates = Array.from({ length: WRITERS }, () => testEvent('attempted', { round }));
        const outcomes = await Promise.allSettled(candidates.map((event) => store.appendToStream(streamId, [event], { expectedRevision: expected })));
        const won = outcomes.flatMap((outcome, index) => (outcome.status === 'fulfilled' ? [candidates[index]!] : []));
        const lost = outcomes.filter((outcome) => outcome.status === 'rejected');
        expect(won).toHaveLength(1);
        expect(lost).toHaveLength(WRITERS - 1);
        for (const outcome of lost) expect(outcome.reason).toBeInstanceOf(WrongExpectedRevisionError);
        winners.push(won[0]!.eventId);
      }
      const stream = await store.readStream(streamId);
      expect(stream.map((event) => event.eventId)).toEqual(winners);
      expect(stream.map((event) => event.streamRevision)).toEqual(Array.from({ length: rounds }, (_, i) => i));
    });

    it(`${WRITERS} writers on different streams: a consumer of every stream sees every committed event once, in position order`, async () => {
      const store = getStore();
      const rounds = 4;
      const appendsPerWriter = 25;
      for (let round = 0; round < rounds; round++) {
        const { consumer, received, position } = testConsumer(store, { start: await store.headPosition() });
        consumer.start();
        const committed: { eventId: string; result: AppendResult }[] = [];
        await Promise.all(
          Array.from({ length: WRITERS }, async () => {
            const streamId = testStream('pupil-conduct');
            for (let n = 0; n < appendsPerWriter; n++) {
              // Every other append carries two events, so multi-event appends interleave too.
              const events: NewEvent[] = n % 2 ? [testEvent(), testEvent()] : [testEvent()];
              const result = await store.appendToStream(streamId, events, { expectedRevision: n === 0 ? 'no-stream' : 'any' });
              for (const event of events) committed.push({ eventId: event.eventId, result });
            }
          }),
        );
        const last = Math.max(...committed.map((entry) => entry.result.position));
        await waitUntil(async () => position() >= last, `the consumer to reach position ${last}`);
        await consumer.stop();

        const ids = received.map((entry) => entry.eventId);
        expect(new Set(ids).size).toBe(ids.length);
        expect(new Set(ids)).toEqual(new Set(committed.map((entry) => entry.eventId)));
        const positions = received.map((entry) => entry.globalPosition);
        for (let i = 1; i < positions.length; i++) expect(positions[i]).toBeGreaterThan(positions[i - 1]!);
      }
    });

    it('a consumer stopped and started again from its checkpoint misses nothing and repeats nothing', async () => {
      const store = getStore();
      const rounds = 5;
      for (let round = 0; round < rounds; round++) {
        const streamIds = Array.from({ length: 4 }, () => testStream('staff-misconduct'));
        const start = await store.headPosition();
        const committed: string[] = [];
        const writing = Promise.all(
          streamIds.map(async (streamId) => {
            for (let n = 0; n < 30; n++) {
              const event = testEvent();
              await store.appendToStream(streamId, [event], { expectedRevision: n === 0 ? 'no-stream' : n - 1 });
              committed.push(event.eventId);
            }
          }),
        );
        // The second consumer resumes from the first one's checkpoint, as a restarted process does from its table.
        const first = testConsumer(store, { start, categories: ['staff-misconduct'], batchSize: 7 });
        const ours = (events: readonly { streamId: string; eventId: string }[]) =>
          events.filter((event) => streamIds.includes(event.streamId)).map((event) => event.eventId);
        first.consumer.start();
        await waitUntil(async () => ours(first.received).length >= 20 + round * 10, 'the first consumer to apply some events');
        await first.consumer.stop();
        await writing;
        const second = testConsumer(store, { start: first.position(), categories: ['staff-misconduct'], batchSize: 7 });
        await second.consumer.catchUp();

        const received = [...ours(first.received), ...ours(second.received)];
        expect(received).toHaveLength(committed.length);
        expect(new Set(received)).toEqual(new Set(committed));
      }
    });
  });
}

import { waitUntil } from '@casebook/testing';
import type { EventStore } from '../src';
import { testEvents, testStream } from './event-fixtures';
import { testConsumer } from './test-consumer';

/** The one consumer loop over any adapter: catch-up then live, categories, retries, backoff (issue #15). */
export function describeConsumerContract(getStore: () => EventStore): void {
  describe('consumers', () => {
    it('catches up on history, then is woken by a new append long before its poll interval', async () => {
      const store = getStore();
      const streamId = testStream('criminal-report');
      const start = await store.headPosition();
      await store.appendToStream(streamId, testEvents(3), { expectedRevision: 'no-stream' });
      // A minute between polls: only the append's wake-up can deliver the live events within the wait below.
      const { consumer, received } = testConsumer(store, { start, categories: ['criminal-report'], pollIntervalMs: 60_000 });
      const ofStream = () => received.filter((event) => event.streamId === streamId).map((event) => event.streamRevision);
      consumer.start();
      try {
        await waitUntil(async () => ofStream().length === 3 && consumer.waiting, 'the history, then a wait for appends');
        await store.appendToStream(streamId, testEvents(2), { expectedRevision: 2 });
        await waitUntil(async () => ofStream().length === 5, 'the live events', 20_000);
        expect(ofStream()).toEqual([0, 1, 2, 3, 4]);
      } finally {
        await consumer.stop();
      }
    });

    it("reads only its categories, and moves its checkpoint over the others' events (decisions #29)", async () => {
      const store = getStore();
      const start = await store.headPosition();
      const own = testStream('legal-hold');
      await store.appendToStream(own, testEvents(1), { expectedRevision: 'no-stream' });
      const other = await store.appendToStream(testStream('school-consent'), testEvents(2), { expectedRevision: 'no-stream' });
      const { consumer, received, position } = testConsumer(store, { start, categories: ['legal-hold'] });
      await consumer.catchUp();
      expect(received.map((event) => event.streamId)).toEqual([own]);
      expect(position()).toBeGreaterThanOrEqual(other.position);
    });

    it('retries a failing batch with the same events, in order, without skipping one', async () => {
      const store = getStore();
      const streamId = testStream();
      const start = await store.headPosition();
      await store.appendToStream(streamId, testEvents(3), { expectedRevision: 'no-stream' });
      let failures = 0;
      const { consumer, received } = testConsumer(store, {
        start,
        batchSize: 1,
        handle: (event) => {
          if (event.streamId === streamId && event.streamRevision === 1 && failures < 2) {
            failures++;
            throw new Error('projection database briefly unavailable');
          }
        },
      });
      consumer.start();
      try {
        await waitUntil(async () => received.filter((event) => event.streamId === streamId).length === 3, 'all three events');
      } finally {
        await consumer.stop();
      }
      expect(received.filter((event) => event.streamId === streamId).map((event) => event.streamRevision)).toEqual([0, 1, 2]);
      expect(failures).toBe(2);
    });

    it('backs off a failing batch even while new events keep arriving (wake-ups do not cut a backoff)', async () => {
      const store = getStore();
      const streamId = testStream();
      const start = await store.headPosition();
      await store.appendToStream(streamId, testEvents(1), { expectedRevision: 'no-stream' });
      let attempts = 0;
      const { consumer } = testConsumer(store, {
        start,
        handle: (event) => {
          if (event.streamId !== streamId) return;
          attempts++;
          throw new Error('read model unavailable');
        },
      });
      consumer.start();
      // 40 appends: were each wake-up to cut the backoff, each would bring a retry.
      for (let n = 0; n < 40; n++) {
        await store.appendToStream(testStream(), testEvents(1), { expectedRevision: 'no-stream' });
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      await consumer.stop();
      // Backoff 50, 100, 200, 400 ms, ... leaves room for a handful of attempts in this time, never 40.
      expect(attempts).toBeGreaterThanOrEqual(1);
      expect(attempts).toBeLessThan(15);
    });
  });
}

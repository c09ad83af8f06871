import { randomUUID } from 'node:crypto';
import { waitUntil } from '@casebook/testing';
import type { EventStore, RecordedEvent } from '../src';
import { testEvents, testStream } from './event-fixtures';

/** Subscriptions: catch-up then live, categories, resume from the checkpoint. */
export function describeSubscriptionContract(getStore: () => EventStore): void {
  describe('subscriptions', () => {
    it('catches up on history, then receives new events live', async () => {
      const store = getStore();
      const streamId = testStream('criminal-report');
      const start = await store.headPosition();
      await store.appendToStream(streamId, testEvents(3), { expectedRevision: 'no-stream' });

      const received: RecordedEvent[] = [];
      const subscription = store.subscribe({
        name: `catch-up-${randomUUID()}`,
        from: start,
        categories: ['criminal-report'],
        handler: async (event) => {
          if (event.streamId === streamId) received.push(event);
        },
      });
      await subscription.caughtUp;
      expect(received.map((event) => event.streamRevision)).toEqual([0, 1, 2]);

      await store.appendToStream(streamId, testEvents(2), { expectedRevision: 2 });
      await waitUntil(() => received.length === 5, 'live events');
      expect(received.map((event) => event.streamRevision)).toEqual([0, 1, 2, 3, 4]);
      await subscription.stop();
    });

    it("starting at 'end' skips history", async () => {
      const store = getStore();
      const old = testStream();
      await store.appendToStream(old, testEvents(2), { expectedRevision: 'no-stream' });
      const seen: string[] = [];
      const subscription = store.subscribe({ name: `end-${randomUUID()}`, from: 'end', handler: async (e) => void seen.push(e.streamId) });
      await subscription.caughtUp;
      const fresh = testStream();
      await store.appendToStream(fresh, testEvents(1), { expectedRevision: 'no-stream' });
      await waitUntil(() => seen.includes(fresh), 'the new event');
      expect(seen).not.toContain(old);
      await subscription.stop();
    });

    it('retries a failing handler with the same event, in order, without skipping it', async () => {
      const store = getStore();
      const streamId = testStream();
      const start = await store.headPosition();
      await store.appendToStream(streamId, testEvents(3), { expectedRevision: 'no-stream' });
      const handled: number[] = [];
      let failures = 0;
      const subscription = store.subscribe({
        name: `retry-${randomUUID()}`,
        from: start,
        handler: async (event) => {
          if (event.streamId !== streamId) return;
          if (event.streamRevision === 1 && failures < 2) {
            failures++;
            throw new Error('projection database briefly unavailable');
          }
          handled.push(event.streamRevision);
        },
      });
      await waitUntil(() => handled.length === 3, 'all three events');
      expect(handled).toEqual([0, 1, 2]);
      expect(failures).toBe(2);
      await subscription.stop();
    });

    it('backs off a failing handler even while new events keep arriving', async () => {
      const store = getStore();
      const streamId = testStream();
      const start = await store.headPosition();
      await store.appendToStream(streamId, testEvents(1), { expectedRevision: 'no-stream' });
      let attempts = 0;
      const subscription = store.subscribe({
        name: `backoff-${randomUUID()}`,
        from: start,
        handler: async (event) => {
          if (event.streamId !== streamId) return;
          attempts++;
          throw new Error('read model unavailable');
        },
      });
      // 40 appends, one every 10 ms: with wake-ups cutting the backoff, each would trigger a retry.
      for (let n = 0; n < 40; n++) {
        await store.appendToStream(testStream(), testEvents(1), { expectedRevision: 'no-stream' });
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      await subscription.stop();
      // Backoff 50, 100, 200, 400 ms, ... leaves room for a handful of attempts in these ~0.5-1 s, not 40.
      expect(attempts).toBeGreaterThanOrEqual(1);
      expect(attempts).toBeLessThan(15);
    });
  });
}

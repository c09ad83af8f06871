import { randomUUID } from 'node:crypto';
import { EventConsumer, type EventStore, type RecordedEvent } from '../src';

export interface TestConsumer {
  readonly consumer: EventConsumer;
  /** Every event applied, in the order applied (a failed batch adds nothing). */
  readonly received: RecordedEvent[];
  position(): number;
}

/**
 * A consumer of the contract tests: its effect is an array and its checkpoint a number, moved together (as a
 * projection's rows and checkpoint are, in one transaction). `handle` may throw to fail a batch.
 */
export function testConsumer(
  store: EventStore,
  options: {
    readonly start: number;
    readonly categories?: readonly string[];
    readonly batchSize?: number;
    readonly pollIntervalMs?: number;
    readonly handle?: (event: RecordedEvent) => void;
  },
): TestConsumer {
  let checkpoint = options.start;
  const received: RecordedEvent[] = [];
  const consumer = new EventConsumer({
    name: `test-${randomUUID()}`,
    store,
    categories: options.categories,
    batchSize: options.batchSize ?? 50,
    pollIntervalMs: options.pollIntervalMs ?? 50,
    minBackoffMs: 50,
    maxBackoffMs: 30_000,
    checkpoint: async () => checkpoint,
    apply: async ({ events, to }) => {
      for (const event of events) options.handle?.(event);
      received.push(...events);
      checkpoint = to;
    },
  });
  return { consumer, received, position: () => checkpoint };
}

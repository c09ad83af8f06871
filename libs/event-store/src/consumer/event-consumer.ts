import { BatchLoop, type Logger } from '@casebook/platform';
import type { RecordedEvent } from '../event-envelope';
import type { EventStore } from '../event-store.port';

/** One batch for a consumer: its events, and the checkpoint move that goes with them. */
export interface ConsumerBatch {
  readonly events: readonly RecordedEvent[];
  /** Where the checkpoint is: the batch holds events after it. */
  readonly from: number;
  /** Where the checkpoint moves: the last event's position, or further over events of other categories. */
  readonly to: number;
}

export interface EventConsumerOptions {
  /** For logs and metrics: `projection pupil-file@v1`, `kafka-relay`, `global-chain`. */
  readonly name: string;
  readonly store: EventStore;
  /** Only streams of these categories; every stream when absent. */
  readonly categories?: readonly string[];
  readonly batchSize: number;
  /** Where the consumer's checkpoint is (0 before its first batch). Kept with its effects, read before each batch. */
  readonly checkpoint: () => Promise<number>;
  /**
   * Applies the batch's effects and moves the checkpoint from `from` to `to` with them: in one transaction where
   * the effects are rows (projections, the global chain), after them where they are not (Kafka: acknowledged
   * first, then the checkpoint, so a crash repeats a batch and never skips one).
   */
  readonly apply: (batch: ConsumerBatch) => Promise<void>;
  readonly pollIntervalMs?: number;
  readonly logger?: Logger;
  readonly minBackoffMs?: number;
  readonly maxBackoffMs?: number;
}

/**
 * The one loop that feeds everything from the event store: projections, the Kafka relay, the global audit chain
 * (issue #15). Each step reads the head, then the next batch after the checkpoint, and applies it; it sleeps when
 * there is nothing new until an append wakes it (in this process, or another one's NOTIFY) or its poll interval
 * passes, and backs off while a batch fails. The checkpoint is the consumer's own (`checkpoint`/`apply`), so a
 * crash at any point leaves effects and checkpoint of the same prefix of history.
 *
 * Over other categories (decisions.md #29): when the batch is not full, every event up to the head read before it
 * has been seen, so the checkpoint moves to that head even past events this consumer does not read; that is what
 * lets `waitForPosition` reach a position that belongs to another read model's stream.
 */
export class EventConsumer {
  private readonly loop: BatchLoop;
  private unsubscribe: (() => void) | undefined;
  /** Events applied since this consumer was made (events/s in /metrics). */
  applied = 0;

  constructor(private readonly options: EventConsumerOptions) {
    this.loop = new BatchLoop({
      step: () => this.step(),
      pollIntervalMs: options.pollIntervalMs ?? 500,
      minBackoffMs: options.minBackoffMs,
      maxBackoffMs: options.maxBackoffMs,
      onError: (error, retryInMs) =>
        options.logger?.warn(
          { consumer: options.name, error: error instanceof Error ? error.message : String(error), retryInMs },
          'consumer batch failed; retrying',
        ),
    });
  }

  get name(): string {
    return this.options.name;
  }

  /** True while it waits for appends, having found nothing new. */
  get waiting(): boolean {
    return this.loop.idle;
  }

  /**
   * Applies one batch: how many events it applied, -1 when it applied none but moved its checkpoint over events of
   * other categories, 0 when there was nothing new.
   */
  async step(): Promise<number> {
    const { store, batchSize, categories } = this.options;
    const from = await this.options.checkpoint();
    // The head first: if the batch below is not full, every event up to it has been read.
    const head = await store.headPosition();
    const events = await store.readAll({ from: from === 0 ? 'start' : from, limit: batchSize, categories });
    const last = events.length ? events[events.length - 1]!.globalPosition : from;
    const to = events.length < batchSize && categories?.length ? Math.max(last, head) : last;
    if (to <= from) return 0;
    await this.options.apply({ events, from, to });
    this.applied += events.length;
    return events.length || -1;
  }

  /** Applies batches until there is nothing new; the number of events applied. */
  async catchUp(onBatch?: (applied: number) => void): Promise<number> {
    let total = 0;
    for (let step = await this.step(); step !== 0; step = await this.step()) {
      total += Math.max(step, 0);
      onBatch?.(total);
    }
    return total;
  }

  /** Runs in the background: catch up, then wait for appends (woken) or the poll interval. */
  start(): void {
    this.unsubscribe ??= this.options.store.onAppended(() => this.loop.nudge());
    this.loop.start();
  }

  /** Wakes a waiting consumer at once. */
  nudge(): void {
    this.loop.nudge();
  }

  /** Ends after the batch in hand (which commits or rolls back whole). */
  async stop(): Promise<void> {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    await this.loop.stop();
  }
}

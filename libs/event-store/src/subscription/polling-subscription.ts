import type { RecordedEvent } from '../event-envelope';
import type { EventStore, ReadAllOptions, SubscribeOptions, Subscription } from '../event-store.port';
import type { CheckpointStore } from './checkpoint-store';

export interface PollingSubscriptionDeps {
  readonly readAll: (options: ReadAllOptions) => Promise<RecordedEvent[]>;
  readonly headPosition: EventStore['headPosition'];
  readonly checkpoints: CheckpointStore;
  /** Registers a wake-up for "something was appended"; returns the unregister function. */
  readonly onAppended: (wake: () => void) => () => void;
  readonly pollIntervalMs: number;
  readonly batchSize: number;
}

const MAX_BACKOFF_MS = 30_000;

/** Unwinds a retry loop when stop() was called while work kept failing. */
class Stopped extends Error {}

/**
 * Catch-up then live, for any store that can `readAll` in a gap-free order. The source of events is always
 * `readAll`; wake-ups (NOTIFY, an in-process append) only shorten the wait before the next read, and a
 * timer polls anyway, so a lost wake-up delays an event but never loses it.
 */
export class PollingSubscription implements Subscription {
  readonly name: string;
  readonly caughtUp: Promise<void>;
  private current = 0;
  private stopping = false;
  private readonly done: Promise<void>;
  private markCaughtUp!: () => void;
  /** Ends the current sleep early; `idle` tells whether an append may (an idle wait) or only stop() (a backoff). */
  private wake: { readonly now: () => void; readonly idle: boolean } | undefined;
  private pendingWake = false;

  constructor(
    private readonly options: SubscribeOptions,
    private readonly deps: PollingSubscriptionDeps,
  ) {
    this.name = options.name;
    this.caughtUp = new Promise((resolve) => (this.markCaughtUp = resolve));
    this.done = this.run();
  }

  get position(): number {
    return this.current;
  }

  async stop(): Promise<void> {
    this.stopping = true;
    this.wake?.now();
    await this.done;
  }

  private async run(): Promise<void> {
    const unregister = this.deps.onAppended(() => {
      this.pendingWake = true;
      if (this.wake?.idle) this.wake.now();
    });
    let saved = 0;
    try {
      this.current = saved = await this.retrying(() => this.startPosition());
      let caughtUp = false;
      while (!this.stopping) {
        this.pendingWake = false;
        const events = await this.retrying(() =>
          this.deps.readAll({ from: this.current, limit: this.deps.batchSize, categories: this.options.categories }),
        );
        for (const event of events) {
          if (this.stopping) break;
          await this.retrying(() => this.options.handler(event), event);
          this.current = event.globalPosition;
        }
        if (this.current > saved) {
          const position = this.current;
          await this.retrying(() => this.deps.checkpoints.save(this.name, position));
          saved = position;
        }
        if (events.length < this.deps.batchSize) {
          if (!caughtUp) {
            caughtUp = true;
            this.markCaughtUp();
          }
          if (!this.pendingWake) await this.sleep(this.deps.pollIntervalMs, true);
        }
      }
    } catch (error) {
      if (!(error instanceof Stopped)) throw error;
    } finally {
      unregister();
      this.markCaughtUp();
      // Events handled since the last save are checkpointed on the way out, so a clean stop repeats nothing.
      if (this.current > saved) await this.deps.checkpoints.save(this.name, this.current).catch(() => undefined);
    }
  }

  private async startPosition(): Promise<number> {
    const saved = await this.deps.checkpoints.load(this.name);
    if (saved !== undefined) return saved;
    const from = this.options.from;
    if (from === 'start') return 0;
    if (from === 'end') return this.deps.headPosition();
    return from;
  }

  /** Retries transient failures (database restart, failing handler) with capped exponential backoff. */
  private async retrying<T>(work: () => Promise<T>, event?: RecordedEvent): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await work();
      } catch (error) {
        this.options.onError?.(error, event);
        if (this.stopping) throw new Stopped();
        // Appends do not cut a backoff short: a failing handler must not spin while events keep coming.
        await this.sleep(Math.min(MAX_BACKOFF_MS, 50 * 2 ** Math.min(attempt, 10)), false);
      }
    }
  }

  private sleep(ms: number, idle: boolean): Promise<void> {
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.wake = undefined;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wake = { now: done, idle };
    });
  }
}

/**
 * The loop of a background worker that processes batches (a projection runner, the Kafka relay): run `step`
 * again at once while it finds work, sleep `pollIntervalMs` when it finds none (or until `nudge`), back off
 * exponentially while it fails. `stop` ends the loop after the step in hand.
 */
export class BatchLoop {
  private running = false;
  private loop: Promise<void> | null = null;
  private wake: (() => void) | null = null;

  constructor(
    private readonly options: {
      /** Returns 0 when there was nothing to do. */
      readonly step: () => Promise<number>;
      readonly pollIntervalMs: number;
      readonly onError: (error: unknown, retryInMs: number) => void;
      readonly minBackoffMs?: number;
      readonly maxBackoffMs?: number;
    },
  ) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  /** Ends a sleep at once (something was appended in this process). */
  nudge(): void {
    this.wake?.();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
    this.loop = null;
  }

  private async run(): Promise<void> {
    const minBackoff = this.options.minBackoffMs ?? 100;
    let backoffMs = minBackoff;
    while (this.running) {
      try {
        const done = await this.options.step();
        backoffMs = minBackoff;
        if (done !== 0) continue;
        await this.sleep(this.options.pollIntervalMs);
      } catch (error) {
        this.options.onError(error, backoffMs);
        await this.sleep(backoffMs);
        backoffMs = Math.min(backoffMs * 2, this.options.maxBackoffMs ?? 10_000);
      }
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.wake = null;
        resolve();
      }, ms);
      this.wake = () => {
        clearTimeout(timer);
        this.wake = null;
        resolve();
      };
    });
  }
}

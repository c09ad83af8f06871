/**
 * The loop of a background worker that processes batches (the event consumers): run `step` again at once while
 * it finds work, sleep `pollIntervalMs` when it finds none (or until `nudge`), back off exponentially while it
 * fails. A nudge ends an idle sleep, never a backoff: a failing step must not spin while appends keep coming.
 * A nudge during a step skips the next idle sleep, so an append made while the step ran is not left waiting.
 * `stop` ends the loop after the step in hand.
 */
export class BatchLoop {
  private running = false;
  private loop: Promise<void> | null = null;
  private wake: { readonly now: () => void; readonly idle: boolean } | null = null;
  private nudged = false;

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

  /** True while it sleeps because the last step found nothing to do (not while it backs off). */
  get idle(): boolean {
    return this.wake?.idle === true;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  /** Something was appended: ends an idle sleep at once. */
  nudge(): void {
    this.nudged = true;
    if (this.wake?.idle) this.wake.now();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wake?.now();
    await this.loop;
    this.loop = null;
  }

  private async run(): Promise<void> {
    const minBackoff = this.options.minBackoffMs ?? 100;
    let backoffMs = minBackoff;
    while (this.running) {
      this.nudged = false;
      try {
        const done = await this.options.step();
        backoffMs = minBackoff;
        if (done !== 0 || this.nudged) continue;
        await this.sleep(this.options.pollIntervalMs, true);
      } catch (error) {
        this.options.onError(error, backoffMs);
        await this.sleep(backoffMs, false);
        backoffMs = Math.min(backoffMs * 2, this.options.maxBackoffMs ?? 10_000);
      }
    }
  }

  private sleep(ms: number, idle: boolean): Promise<void> {
    if (!this.running) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.wake = null;
        resolve();
      }, ms);
      // A background loop never keeps a process alive by itself: a test that forgot to stop one still ends, and a
      // process stays up for what it serves (the api's HTTP server, the worker's own keep-alive).
      timer.unref();
      this.wake = {
        idle,
        now: () => {
          clearTimeout(timer);
          this.wake = null;
          resolve();
        },
      };
    });
  }
}

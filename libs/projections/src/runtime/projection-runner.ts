import type { EventStore } from '@casebook/event-store';
import { BatchLoop, type Logger } from '@casebook/platform';
import { applyBatch } from './apply-batch';
import type { ReadModelCatalog } from './read-model-catalog';

export interface ProjectionRunnerOptions {
  readonly catalog: ReadModelCatalog;
  readonly store: EventStore;
  readonly name: string;
  readonly version: number;
  readonly batchSize?: number;
  readonly pollIntervalMs?: number;
  readonly logger?: Logger;
}

/**
 * Feeds one version of one read model. Each batch — its rows and its checkpoint — is one transaction, so a crash
 * at any point leaves the rows of a prefix of history and the checkpoint of that same prefix: exactly the rows a
 * clean run gives, once the restart replays the rest. The checkpoint update is conditional on the position it
 * read, so two runners on one version cannot both apply a batch.
 */
export class ProjectionRunner {
  private readonly loop: BatchLoop;
  /** Events applied since this runner started (for events/s in /metrics). */
  applied = 0;

  constructor(private readonly options: ProjectionRunnerOptions) {
    this.loop = new BatchLoop({
      step: () => this.step(),
      pollIntervalMs: options.pollIntervalMs ?? 500,
      onError: (error, retryInMs) =>
        options.logger?.warn({ projection: options.name, version: options.version, error: error instanceof Error ? error.message : String(error), retryInMs }, 'projection batch failed; retrying'),
    });
  }

  get name(): string {
    return this.options.name;
  }

  get version(): number {
    return this.options.version;
  }

  /**
   * Applies one batch; returns how many events it applied, or -1 when it applied none but moved its checkpoint
   * over events of other categories (0: caught up). Moving over them is what lets `waitForPosition` reach a
   * position that belongs to another read model's stream.
   */
  async step(): Promise<number> {
    const { catalog, store, name, version } = this.options;
    const projection = catalog.projection(name);
    const limit = this.options.batchSize ?? 500;
    const from = await catalog.position(name, version);
    // Read the head first: if the batch below is not full, every event up to this head has been seen.
    const head = await store.headPosition();
    const events = await store.readAll({ from: from === 0 ? 'start' : from, limit, categories: projection.categories });
    const last = events.length ? events[events.length - 1]!.globalPosition : from;
    const to = events.length < limit ? Math.max(last, head) : last;
    if (to <= from) return 0;
    await applyBatch(await catalog.dataSource(name, version), projection, version, events, from, to);
    this.applied += events.length;
    return events.length || -1;
  }

  /** Applies batches until there is nothing more to read; returns how many events it applied. */
  async catchUp(): Promise<number> {
    let total = 0;
    for (let step = await this.step(); step !== 0; step = await this.step()) total += Math.max(step, 0);
    return total;
  }

  /** Runs in the background: catch up, then poll (or be woken) for more. */
  start(): void {
    this.loop.start();
  }

  /** Wakes a waiting runner at once (a command in this process appended something). */
  nudge(): void {
    this.loop.nudge();
  }

  async stop(): Promise<void> {
    await this.loop.stop();
  }
}

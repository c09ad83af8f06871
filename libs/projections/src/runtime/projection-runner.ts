import { EventConsumer, type EventStore } from '@casebook/event-store';
import type { Logger } from '@casebook/platform';
import { applyBatch, domainEventsOf } from './apply-batch';
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
 * Feeds one version of one read model: the event consumer (libs/event-store) with the version's checkpoint.
 * Each batch — its rows and its checkpoint — is one transaction, so a crash at any point leaves the rows of a
 * prefix of history and the checkpoint of that same prefix: exactly the rows a clean run gives, once the restart
 * replays the rest. The checkpoint update is conditional on the position it read, so two runners on one version
 * cannot both apply a batch.
 */
export class ProjectionRunner {
  private readonly consumer: EventConsumer;

  constructor(private readonly options: ProjectionRunnerOptions) {
    const { catalog, name, version, logger } = options;
    const projection = catalog.projection(name);
    this.consumer = new EventConsumer({
      name: `projection ${name}@v${version}`,
      store: options.store,
      categories: projection.categories,
      batchSize: options.batchSize ?? 500,
      pollIntervalMs: options.pollIntervalMs,
      logger,
      checkpoint: () => catalog.position(name, version),
      apply: async ({ events, from, to }) => {
        const { known, unknown } = domainEventsOf(events);
        if (unknown.length) logger?.warn({ projection: name, types: [...new Set(unknown)] }, 'events of types this version does not know were passed over');
        await applyBatch(await catalog.dataSource(name, version), projection, version, known, from, to);
      },
    });
  }

  get name(): string {
    return this.options.name;
  }

  get version(): number {
    return this.options.version;
  }

  /** Events applied since this runner started (for events/s in /metrics). */
  get applied(): number {
    return this.consumer.applied;
  }

  /** One batch: events applied, -1 when it only moved over other categories, 0 when caught up. */
  step(): Promise<number> {
    return this.consumer.step();
  }

  /** Applies batches until there is nothing more to read; returns how many events it applied. */
  catchUp(): Promise<number> {
    return this.consumer.catchUp();
  }

  /** Runs in the background: catch up, then wait for appends (woken) or the poll interval. */
  start(): void {
    this.consumer.start();
  }

  nudge(): void {
    this.consumer.nudge();
  }

  async stop(): Promise<void> {
    await this.consumer.stop();
  }
}

import type { EventStore } from '@casebook/event-store';
import type { Logger } from '@casebook/platform';
import { ProjectionRunner } from './projection-runner';
import type { ReadModelCatalog } from './read-model-catalog';

export interface ProjectionStats {
  readonly name: string;
  readonly version: number;
  readonly position: number;
  readonly applied: number;
}

/**
 * Runs one runner per read model, on its live version, and follows a switch made by a rebuild: when the live
 * version changes, the runner of the old version stops and one on the new version starts from its checkpoint.
 */
export class ProjectionHost {
  private readonly runners = new Map<string, ProjectionRunner>();
  private follower: NodeJS.Timeout | null = null;
  private following: Promise<void> = Promise.resolve();

  constructor(
    private readonly catalog: ReadModelCatalog,
    private readonly store: EventStore,
    private readonly logger: Logger,
    private readonly options: { readonly pollIntervalMs: number; readonly followIntervalMs?: number } = { pollIntervalMs: 500 },
  ) {}

  async start(): Promise<void> {
    await this.follow();
    this.follower = setInterval(() => {
      this.following = this.following
        .then(() => this.follow())
        .catch((error: unknown) => this.logger.warn({ error: String(error) }, 'read model versions not checked'));
    }, this.options.followIntervalMs ?? 2_000);
    this.follower.unref();
    this.logger.info({ readModels: [...this.runners.values()].map((r) => `${r.name}@v${r.version}`) }, 'projections started');
  }

  /** Wakes every runner (something was appended in this process). */
  nudge(): void {
    for (const runner of this.runners.values()) runner.nudge();
  }

  async stats(): Promise<ProjectionStats[]> {
    return Promise.all(
      [...this.runners.values()].map(async (runner) => ({
        name: runner.name,
        version: runner.version,
        position: await this.catalog.position(runner.name, runner.version),
        applied: runner.applied,
      })),
    );
  }

  async stop(): Promise<void> {
    if (this.follower) clearInterval(this.follower);
    this.follower = null;
    await this.following;
    await Promise.all([...this.runners.values()].map((runner) => runner.stop()));
    this.runners.clear();
  }

  private async follow(): Promise<void> {
    for (const projection of this.catalog.projections) {
      const live = await this.catalog.liveVersion(projection.name);
      const current = this.runners.get(projection.name);
      if (current?.version === live) continue;
      await current?.stop();
      const runner = new ProjectionRunner({
        catalog: this.catalog,
        store: this.store,
        name: projection.name,
        version: live,
        pollIntervalMs: this.options.pollIntervalMs,
        logger: this.logger,
      });
      this.runners.set(projection.name, runner);
      runner.start();
      if (current) this.logger.info({ projection: projection.name, from: current.version, to: live }, 'read model switched to a rebuilt version');
    }
  }
}

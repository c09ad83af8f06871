import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { RUNTIME, type Runtime } from '@casebook/runtime';
import { ReadModelCatalog } from '../runtime/read-model-catalog';
import { type ErasureDeps, runRetention } from './person-erasure';

/** The first run waits this long after start, so the privacy register has caught up and start-up stays quick. */
const FIRST_RUN_DELAY_MS = 60_000;

/**
 * The daily retention job (RETENTION_INTERVAL_HOURS, 0 = off), in the process that runs the projections: erases
 * everyone whose retention period has ended and whose cases are under no legal hold. Logs ids and counts only.
 */
@Injectable()
export class RetentionHost implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> = Promise.resolve();

  constructor(
    @Inject(RUNTIME) private readonly runtime: Runtime,
    @Inject(ReadModelCatalog) private readonly catalog: ReadModelCatalog,
  ) {}

  onApplicationBootstrap(): void {
    const hours = this.runtime.config.privacy.retentionIntervalHours;
    if (hours <= 0) return;
    const schedule = (delayMs: number) => {
      this.timer = setTimeout(() => {
        this.running = this.runOnce().finally(() => schedule(hours * 3_600_000));
      }, delayMs);
      this.timer.unref();
    };
    schedule(FIRST_RUN_DELAY_MS);
  }

  async onApplicationShutdown(): Promise<void> {
    clearTimeout(this.timer);
    await this.running;
  }

  private async runOnce(): Promise<void> {
    const { logger, config } = this.runtime;
    try {
      const run = await runRetention(erasureDeps(this.runtime, this.catalog), { today: new Date().toISOString().slice(0, 10), policy: config.privacy.retention, dryRun: false });
      logger.info({ due: run.due.length, erased: run.erased, held: run.held.map((verdict) => verdict.personId) }, 'retention job ran');
    } catch (error) {
      logger.error({ error: error instanceof Error ? error.message : String(error) }, 'retention job failed; it runs again at the next interval');
    }
  }
}

/** What erasure and retention need of a process: its store, key store, database and the live privacy register. */
export function erasureDeps(runtime: Runtime, catalog: ReadModelCatalog): ErasureDeps {
  return {
    store: runtime.eventStore,
    keys: runtime.personKeys,
    sql: runtime.sql,
    register: async () => catalog.dataSource('privacy-register', await catalog.liveVersion('privacy-register')),
  };
}

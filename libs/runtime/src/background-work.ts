import { RETENTION_ACTOR, localIsoDateOf } from '@casebook/incidents';
import { KafkaRelay, type RunningConsumer, startReminderConsumer } from '@casebook/messaging';
import { type MetricsSource, ProjectionHost, projectionMetrics } from '@casebook/projections';
import { withGlobalChainMetrics } from '@casebook/audit';
import type { Runtime } from './runtime';

/** The retention job's first run waits this long after start, so the privacy register has caught up. */
const RETENTION_FIRST_RUN_MS = 60_000;
/** How often custodies past due are recorded overdue (M6). */
const OVERDUE_ROUND_MS = 60_000;

/**
 * Everything a process runs in the background, on the one event-consumer loop: the read models' projections, the
 * global audit chain's sealer, the M6 overdue watch, and — with Kafka — the relay and the reminder consumer; plus
 * two timed jobs, retention (RETENTION_INTERVAL_HOURS) and recording overdue devices. Hosted by the worker, and by
 * the api in the embedded default (PGlite's files belong to one process).
 */
export class BackgroundWork {
  readonly projections: ProjectionHost;
  private relay: KafkaRelay | undefined;
  private reminders: RunningConsumer | undefined;
  private kafkaStarting: Promise<void> = Promise.resolve();
  private readonly timers = new Set<NodeJS.Timeout>();
  private jobs: Promise<unknown> = Promise.resolve();
  private stopped = false;

  constructor(private readonly runtime: Runtime) {
    this.projections = new ProjectionHost(runtime.readModels, runtime.eventStore, runtime.logger, {
      pollIntervalMs: runtime.config.subscriptions.pollIntervalMs,
    });
  }

  async start(): Promise<void> {
    const { audit, writeSide, config, logger } = this.runtime;
    await this.projections.start();
    audit.sealer.start();
    writeSide.overdueWatch.consumer.start();
    this.every(OVERDUE_ROUND_MS, OVERDUE_ROUND_MS, async () => {
      const flagged = await writeSide.overdueWatch.flagDue();
      if (flagged) logger.info({ flagged }, 'devices recorded overdue (M6)');
    });
    const hours = config.privacy.retentionIntervalHours;
    if (hours > 0) this.every(RETENTION_FIRST_RUN_MS, hours * 3_600_000, () => this.runRetention());
    this.startKafka();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    await this.jobs;
    await this.kafkaStarting;
    await this.relay?.stop();
    await this.reminders?.stop();
    await this.runtime.writeSide.overdueWatch.consumer.stop();
    await this.runtime.audit.sealer.stop();
    await this.projections.stop();
  }

  /** Prometheus metrics of the projections and the audit chain (the metrics port of this process). */
  metrics(): MetricsSource {
    const { readModels, eventStore, audit } = this.runtime;
    return withGlobalChainMetrics(projectionMetrics(this.projections, readModels, eventStore), audit.chain, eventStore);
  }

  /** The daily retention job: erases everyone whose period ended and whose cases are under no legal hold. */
  private async runRetention(): Promise<void> {
    const { logger, config, writeSide } = this.runtime;
    const now = new Date().toISOString();
    const run = await writeSide.privacy.runRetention(
      { today: localIsoDateOf(new Date(now), writeSide.settings.policy.workingDays.timeZone), policy: config.privacy.retention, dryRun: false },
      { context: { actor: RETENTION_ACTOR, now }, meta: { correlationId: 'retention-job', causationId: null } },
    );
    logger.info({ due: run.due.length, erased: run.erased, held: run.held.map((verdict) => verdict.personId) }, 'retention job ran');
  }

  /** Runs `job` after `firstMs`, then every `everyMs` after the last run ended; a failure is logged, not fatal. */
  private every(firstMs: number, everyMs: number, job: () => Promise<void>): void {
    const schedule = (delayMs: number) => {
      if (this.stopped) return;
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        this.jobs = job()
          .catch((error: unknown) =>
            this.runtime.logger.error(
              { error: error instanceof Error ? error.message : String(error) },
              'background job failed; it runs again at its next time',
            ),
          )
          .finally(() => schedule(everyMs));
      }, delayMs);
      timer.unref();
      this.timers.add(timer);
    };
    schedule(firstMs);
  }

  /**
   * Integration events, when Kafka is configured: the topic and its dead-letter topic, the relay (event store →
   * Kafka) and the reminder consumer. A broker that is away at start does not stop the process: retried until it answers.
   */
  private startKafka(): void {
    const { messageBus: bus, config, sql, eventStore, logger } = this.runtime;
    if (!bus || !config.kafka) return;
    const kafka = config.kafka;
    this.kafkaStarting = (async () => {
      await KafkaRelay.migrate(sql);
      this.relay = new KafkaRelay({ sql, store: eventStore, bus, topic: kafka.topic, logger, pollIntervalMs: config.subscriptions.pollIntervalMs });
      for (let delayMs = 500; !this.stopped; delayMs = Math.min(delayMs * 2, 10_000)) {
        try {
          const spec = { partitions: kafka.partitions, replicationFactor: kafka.replicationFactor };
          await bus.ensureTopics([
            { topic: kafka.topic, ...spec },
            { topic: `${kafka.topic}.dlq`, ...spec },
          ]);
          this.reminders = await startReminderConsumer({ bus, sql, topic: kafka.topic, logger });
          this.relay.start();
          logger.info({ topic: kafka.topic, partitions: kafka.partitions }, 'integration events relayed to Kafka');
          return;
        } catch (error) {
          logger.warn({ error: error instanceof Error ? error.message : String(error), retryInMs: delayMs }, 'Kafka not ready for the relay; retrying');
          await new Promise((resolve) => setTimeout(resolve, delayMs));
        }
      }
    })();
  }
}

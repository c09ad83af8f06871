import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { KafkaRelay, type RunningConsumer, startReminderConsumer } from '@casebook/messaging';
import type { Runtime } from './runtime';
import { RUNTIME } from './runtime.module';

/**
 * Integration events, when Kafka is configured: creates the topic and its dead-letter topic, runs the relay
 * (event store → Kafka) and the obligation-reminder consumer. Without KAFKA_BROKERS it does nothing. A broker
 * that is away at start does not stop the process: setting up is retried until it answers.
 */
@Injectable()
export class IntegrationEventsHost implements OnApplicationBootstrap, OnApplicationShutdown {
  private relay: KafkaRelay | undefined;
  private consumer: RunningConsumer | undefined;
  private stopped = false;
  private starting: Promise<void> = Promise.resolve();

  constructor(@Inject(RUNTIME) private readonly runtime: Runtime) {}

  async onApplicationBootstrap(): Promise<void> {
    const { messageBus: bus, config, sql, eventStore, logger } = this.runtime;
    if (!bus || !config.kafka) return;
    await KafkaRelay.migrate(sql);
    const kafka = config.kafka;
    this.relay = new KafkaRelay({ sql, store: eventStore, bus, topic: kafka.topic, logger, pollIntervalMs: config.subscriptions.pollIntervalMs });
    this.starting = (async () => {
      for (let delayMs = 500; !this.stopped; delayMs = Math.min(delayMs * 2, 10_000)) {
        try {
          const spec = { partitions: kafka.partitions, replicationFactor: kafka.replicationFactor };
          await bus.ensureTopics([{ topic: kafka.topic, ...spec }, { topic: `${kafka.topic}.dlq`, ...spec }]);
          this.consumer = await startReminderConsumer({ bus, sql, topic: kafka.topic, logger });
          this.relay?.start();
          logger.info({ topic: kafka.topic, partitions: kafka.partitions }, 'integration events relayed to Kafka');
          return;
        } catch (error) {
          logger.warn({ error: error instanceof Error ? error.message : String(error), retryInMs: delayMs }, 'Kafka not ready for the relay; retrying');
          await new Promise((resolve) => setTimeout(resolve, delayMs));
        }
      }
    })();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    await this.starting;
    await this.relay?.stop();
    await this.consumer?.stop();
  }
}

import { type ConsumerBatch, EventConsumer, type EventStore } from '@casebook/event-store';
import { isDomainEventType } from '@casebook/incidents';
import { type Logger, type SqlClient, runMigrations } from '@casebook/platform';
import { ContractValidator } from '../contracts/contract-validator';
import type { MessageBus, OutboundMessage } from '../message-bus.port';
import { RELAY_CATEGORIES, toIntegrationMessages } from './integration-event-mapper';
import { RELAY_MIGRATIONS } from './relay.migrations';

export { RELAY_CATEGORIES } from './integration-event-mapper';

export interface KafkaRelayOptions {
  readonly sql: SqlClient;
  readonly store: EventStore;
  readonly bus: MessageBus;
  readonly topic: string;
  readonly logger: Logger;
  readonly name?: string;
  readonly batchSize?: number;
  readonly pollIntervalMs?: number;
}

/**
 * Domain events → integration events on Kafka, fed by the one event consumer (libs/event-store). Per batch: map,
 * validate each message against its contract (a message that does not fit is never produced: it is recorded in
 * `kafka_relay_rejected` and logged), produce with the idempotent producer (acks=all) keyed by case or pupil, and
 * only then move the checkpoint. A crash or a broker outage before the checkpoint means the batch is produced
 * again: duplicates carry the same event id.
 */
export class KafkaRelay {
  private readonly validator = new ContractValidator();
  private readonly name: string;
  private readonly consumer: EventConsumer;

  constructor(private readonly options: KafkaRelayOptions) {
    this.name = options.name ?? 'kafka-relay';
    this.consumer = new EventConsumer({
      name: this.name,
      store: options.store,
      categories: RELAY_CATEGORIES,
      // Large batches: one produce request carries them all (5,000 measured 30% faster than 2,000 in bench:relay).
      batchSize: options.batchSize ?? 5_000,
      pollIntervalMs: options.pollIntervalMs,
      // The broker is away (or the store): keep the checkpoint, try the same batch again later.
      minBackoffMs: 200,
      maxBackoffMs: 5_000,
      logger: options.logger,
      checkpoint: () => this.position(),
      apply: (batch) => this.produce(batch),
    });
  }

  static async migrate(sql: SqlClient): Promise<void> {
    await runMigrations(sql, 'kafka-relay', RELAY_MIGRATIONS);
  }

  async position(): Promise<number> {
    const [row] = await this.options.sql.query<{ position: string }>('SELECT position FROM kafka_relay_checkpoints WHERE name = $1', [this.name]);
    return Number(row?.position ?? 0);
  }

  /** One batch: how many events it relayed, -1 when it only moved over other categories, 0 when idle. */
  step(): Promise<number> {
    return this.consumer.step();
  }

  start(): void {
    this.consumer.start();
  }

  async stop(): Promise<void> {
    await this.consumer.stop();
  }

  private async produce({ events, to }: ConsumerBatch): Promise<void> {
    const { sql, bus, topic, logger } = this.options;
    const outbound: OutboundMessage[] = [];
    for (const event of events) {
      // Of a type this version does not know (a newer writer): nothing to say about it outside.
      if (!isDomainEventType(event.type)) continue;
      for (const { key, message } of toIntegrationMessages(event as Parameters<typeof toIntegrationMessages>[0])) {
        const problems = this.validator.problems(message);
        if (problems.length) {
          logger.error(
            { eventId: event.eventId, type: message.type, position: event.globalPosition, problems },
            'integration event does not fit its contract: not produced',
          );
          await sql.query('INSERT INTO kafka_relay_rejected (event_id, type, position, problems) VALUES ($1, $2, $3, $4::jsonb) ON CONFLICT DO NOTHING', [
            message.eventId,
            message.type,
            event.globalPosition,
            JSON.stringify(problems),
          ]);
          continue;
        }
        outbound.push({
          key,
          value: JSON.stringify(message),
          headers: { 'event-id': message.eventId, 'event-type': message.type, 'schema-version': '1', 'correlation-id': event.metadata.correlationId },
        });
      }
    }
    await bus.send(topic, outbound); // resolves once every message is acknowledged (acks=all)
    await sql.query(
      `INSERT INTO kafka_relay_checkpoints (name, position, produced) VALUES ($1, $2, $3)
       ON CONFLICT (name) DO UPDATE SET position = EXCLUDED.position, produced = kafka_relay_checkpoints.produced + EXCLUDED.produced, updated_at = now()`,
      [this.name, to, outbound.length],
    );
  }
}

import type { EventStore } from '@casebook/event-store';
import { type Logger, type SqlClient, runMigrations } from '@casebook/platform';
import { ContractValidator } from '../contracts/contract-validator';
import type { MessageBus, OutboundMessage } from '../message-bus.port';
import { toIntegrationMessages } from './integration-event-mapper';
import { RELAY_MIGRATIONS } from './relay.migrations';

/** Streams whose events may become integration events. */
export const RELAY_CATEGORIES = ['pupil-incident', 'staff-misconduct', 'criminal-report', 'pupil-conduct'] as const;

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
 * Domain events → integration events on Kafka. Per batch: map, validate each message against its contract (a
 * message that does not fit is never produced: it is recorded in `kafka_relay_rejected` and logged), produce
 * with the idempotent producer (acks=all) keyed by case or pupil, and only then move the checkpoint. A crash or
 * a broker outage before the checkpoint means the batch is produced again: duplicates carry the same event id.
 */
export class KafkaRelay {
  private readonly validator = new ContractValidator();
  private readonly name: string;
  private running = false;
  private loop: Promise<void> | null = null;
  private wake: (() => void) | null = null;

  constructor(private readonly options: KafkaRelayOptions) {
    this.name = options.name ?? 'kafka-relay';
  }

  static async migrate(sql: SqlClient): Promise<void> {
    await runMigrations(sql, 'kafka-relay', RELAY_MIGRATIONS);
  }

  async position(): Promise<number> {
    const [row] = await this.options.sql.query<{ position: string }>('SELECT position FROM kafka_relay_checkpoints WHERE name = $1', [this.name]);
    return Number(row?.position ?? 0);
  }

  /** One batch: how many messages it produced, -1 when it only moved over events that map to nothing, 0 when idle. */
  async step(): Promise<number> {
    const { sql, store, bus, topic } = this.options;
    const limit = this.options.batchSize ?? 500;
    const from = await this.position();
    const head = await store.headPosition();
    const events = await store.readAll({ from: from === 0 ? 'start' : from, limit, categories: RELAY_CATEGORIES });
    const last = events.length ? events[events.length - 1]!.globalPosition : from;
    const to = events.length < limit ? Math.max(last, head) : last;
    if (to <= from) return 0;
    const outbound: OutboundMessage[] = [];
    for (const event of events) {
      for (const { key, message } of toIntegrationMessages(event)) {
        const problems = this.validator.problems(message);
        if (problems.length) {
          this.options.logger.error({ eventId: event.eventId, type: message.type, position: event.globalPosition, problems }, 'integration event does not fit its contract: not produced');
          await sql.query(
            'INSERT INTO kafka_relay_rejected (event_id, type, position, problems) VALUES ($1, $2, $3, $4::jsonb) ON CONFLICT DO NOTHING',
            [message.eventId, message.type, event.globalPosition, JSON.stringify(problems)],
          );
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
    return outbound.length || -1;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
    this.loop = null;
  }

  private async run(): Promise<void> {
    let backoffMs = 200;
    while (this.running) {
      try {
        const produced = await this.step();
        backoffMs = 200;
        if (produced !== 0) continue;
        await this.sleep(this.options.pollIntervalMs ?? 500);
      } catch (error) {
        // The broker is away (or the store): keep the checkpoint, try the same batch again later.
        this.options.logger.warn({ relay: this.name, error: error instanceof Error ? error.message : String(error), retryInMs: backoffMs }, 'relay batch failed; retrying');
        await this.sleep(backoffMs);
        backoffMs = Math.min(backoffMs * 2, 5_000);
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

import type { EventStore, RecordedEvent } from '@casebook/event-store';
import { BatchLoop, type Logger, type SqlClient, runMigrations } from '@casebook/platform';
import { ContractValidator } from '../contracts/contract-validator';
import { CONTRACTS } from '../contracts/integration-event-contracts';
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
  private readonly loop: BatchLoop;

  constructor(private readonly options: KafkaRelayOptions) {
    this.name = options.name ?? 'kafka-relay';
    this.loop = new BatchLoop({
      step: async () => {
        const produced = await this.step();
        await this.announceOverdue();
        return produced;
      },
      pollIntervalMs: options.pollIntervalMs ?? 500,
      minBackoffMs: 200,
      maxBackoffMs: 5_000,
      // The broker is away (or the store): keep the checkpoint, try the same batch again later.
      onError: (error, retryInMs) =>
        options.logger.warn({ relay: this.name, error: error instanceof Error ? error.message : String(error), retryInMs }, 'relay batch failed; retrying'),
    });
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
    // Large batches: one produce request carries them all (5,000 measured 30% faster than 2,000 in bench:relay).
    const limit = this.options.batchSize ?? 5_000;
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
    await this.trackCustodies(events);
    await bus.send(topic, outbound); // resolves once every message is acknowledged (acks=all)
    await sql.query(
      `INSERT INTO kafka_relay_checkpoints (name, position, produced) VALUES ($1, $2, $3)
       ON CONFLICT (name) DO UPDATE SET position = EXCLUDED.position, produced = kafka_relay_checkpoints.produced + EXCLUDED.produced, updated_at = now()`,
      [this.name, to, outbound.length],
    );
    return outbound.length || -1;
  }

  /**
   * M6: a device not returned by its due time. Custodies are tracked as their events are relayed; each one past
   * due is announced once (its id derives from the custody's event, so a repeat after a crash dedupes).
   */
  async announceOverdue(now = new Date()): Promise<number> {
    const { sql, bus, topic } = this.options;
    const due = await sql.query<{ custody_id: string; event_id: string; pupil_id: string; school_id: string | null; obligation_id: string; offence: number; due_at: Date | string }>(
      'SELECT custody_id, event_id, pupil_id, school_id, obligation_id, offence, due_at FROM kafka_relay_open_custodies WHERE due_at < $1 ORDER BY due_at LIMIT 500',
      [now.toISOString()],
    );
    if (!due.length) return 0;
    const outbound: OutboundMessage[] = [];
    for (const row of due) {
      const dueAt = new Date(row.due_at).toISOString();
      const message = {
        eventId: overdueId(row.event_id),
        type: CONTRACTS.deviceCustodyDue.type,
        schemaVersion: 1 as const,
        schoolId: row.school_id,
        occurredAt: dueAt,
        recordedAt: now.toISOString(),
        custodyId: row.custody_id,
        pupilId: row.pupil_id,
        offenceNumber: Number(row.offence),
        obligationId: row.obligation_id,
        dueAt,
      };
      const problems = this.validator.problems(message);
      if (problems.length) {
        this.options.logger.error({ custodyId: row.custody_id, problems }, 'device-custody-overdue does not fit its contract: not produced');
        continue;
      }
      outbound.push({ key: row.pupil_id, value: JSON.stringify(message), headers: { 'event-id': message.eventId, 'event-type': message.type, 'schema-version': '1', 'correlation-id': row.event_id } });
    }
    await bus.send(topic, outbound);
    await sql.query('DELETE FROM kafka_relay_open_custodies WHERE custody_id = ANY($1::text[])', [due.map((row) => row.custody_id)]);
    return outbound.length;
  }

  /** The batch's net effect on the open custodies, in two statements: returned ones out, new ones in. */
  private async trackCustodies(events: readonly RecordedEvent[]): Promise<void> {
    type Open = { custodyId: string; eventId: string; pupilId: string; schoolId: string | null; obligationId: string; offence: number; dueAt: string };
    const net = new Map<string, Open | null>();
    for (const event of events) {
      const data = (event.data ?? {}) as Record<string, unknown>;
      if (event.type === 'DeviceTakenIntoCustody') {
        const obligation = ((data['obligations'] ?? []) as { obligationId: string; kind: string; dueAt: string }[]).find((o) => o.kind === 'device-return');
        if (!obligation) continue;
        const custodyId = String(data['custodyId']);
        net.set(custodyId, { custodyId, eventId: event.eventId, pupilId: String(data['pupilId']), schoolId: event.metadata.schoolId, obligationId: obligation.obligationId, offence: Number(data['offenceNumber'] ?? 1), dueAt: obligation.dueAt });
      } else if (event.type === 'DeviceReturned') {
        net.set(String(data['custodyId']), null);
      }
    }
    if (!net.size) return;
    const opened = [...net.values()].filter((row): row is Open => row !== null);
    await this.options.sql.query('DELETE FROM kafka_relay_open_custodies WHERE custody_id = ANY($1::text[])', [[...net.entries()].filter(([, row]) => row === null).map(([id]) => id)]);
    if (!opened.length) return;
    await this.options.sql.query(
      `INSERT INTO kafka_relay_open_custodies (custody_id, event_id, pupil_id, school_id, obligation_id, offence, due_at)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::integer[], $7::timestamptz[])
       ON CONFLICT (custody_id) DO NOTHING`,
      [opened.map((r) => r.custodyId), opened.map((r) => r.eventId), opened.map((r) => r.pupilId), opened.map((r) => r.schoolId), opened.map((r) => r.obligationId), opened.map((r) => r.offence), opened.map((r) => r.dueAt)],
    );
  }

  start(): void {
    this.loop.start();
  }

  async stop(): Promise<void> {
    await this.loop.stop();
  }
}

/** The id of the overdue message of a custody: derived from the custody's event id (version nibble 9). */
function overdueId(eventId: string): string {
  const hex = eventId.replace(/-/g, '');
  const mixed = `${hex.slice(0, 12)}9${hex.slice(13)}`;
  return `${mixed.slice(0, 8)}-${mixed.slice(8, 12)}-${mixed.slice(12, 16)}-${mixed.slice(16, 20)}-${mixed.slice(20)}`;
}

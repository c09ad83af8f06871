import type { Logger, SqlClient } from '@casebook/platform';
import { ContractValidator } from '../contracts/contract-validator';
import { DUE_TYPES } from '../contracts/integration-event-contracts';
import type { InboundMessage, MessageBus, RunningConsumer } from '../message-bus.port';

export const DEAD_LETTER_REASON_HEADER = 'dead-letter-reason';

/**
 * The obligation-reminder consumer: for each `*-due` message, one delivery record per reminder it would send
 * (the channel adapters that phone or mail are out of scope). The event id is the delivery's primary key, so a
 * redelivered or re-produced message records nothing twice. A message it cannot parse, or that fits no
 * contract, goes to the dead-letter topic with the reason in a header, and the consumer goes on.
 */
export async function startReminderConsumer(options: {
  readonly bus: MessageBus;
  readonly sql: SqlClient;
  readonly topic: string;
  readonly logger: Logger;
  readonly groupId?: string;
}): Promise<RunningConsumer> {
  const validator = new ContractValidator();
  const deadLetter = async (message: InboundMessage, reason: string) => {
    options.logger.warn({ topic: message.topic, partition: message.partition, offset: message.offset, reason }, 'message sent to the dead-letter topic');
    await options.bus.send(`${options.topic}.dlq`, [
      {
        key: message.key ?? 'unkeyed',
        value: message.value ?? '',
        headers: {
          ...message.headers,
          [DEAD_LETTER_REASON_HEADER]: reason.slice(0, 500),
          'dead-letter-source': `${message.topic}/${message.partition}/${message.offset}`,
        },
      },
    ]);
  };
  return options.bus.consume({
    groupId: options.groupId ?? 'obligation-reminders',
    topics: [options.topic],
    handler: async (message) => {
      let parsed: unknown;
      try {
        parsed = JSON.parse(message.value ?? '');
      } catch {
        return deadLetter(message, 'not JSON');
      }
      const problems = validator.problems(parsed);
      if (problems.length) return deadLetter(message, `does not fit its contract: ${problems.join('; ')}`);
      const due = parsed as { eventId: string; type: string; obligationId: string; schoolId: string | null; dueAt: string };
      if (!DUE_TYPES.has(due.type)) return;
      await options.sql.query(
        `INSERT INTO reminder_deliveries (event_id, type, obligation_id, message_key, school_id, due_at)
         VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (event_id) DO NOTHING`,
        [due.eventId, due.type, due.obligationId, message.key, due.schoolId, due.dueAt],
      );
    },
  });
}

import type { Migration } from '@casebook/platform';

/** The relay's checkpoint and the messages it refused to produce; the reminder consumer's deliveries. */
export const RELAY_MIGRATIONS: readonly Migration[] = [
  {
    id: '001-relay-and-reminders',
    sql: `
CREATE TABLE kafka_relay_checkpoints (
  name        text PRIMARY KEY,
  position    bigint NOT NULL DEFAULT 0,
  produced    bigint NOT NULL DEFAULT 0,
  updated_at  timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE kafka_relay_rejected (
  event_id     text NOT NULL,
  type         text NOT NULL,
  position     bigint NOT NULL,
  problems     jsonb NOT NULL,
  rejected_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (event_id, type)
);
CREATE TABLE reminder_deliveries (
  event_id       text PRIMARY KEY,
  type           text NOT NULL,
  obligation_id  text NOT NULL,
  message_key    text,
  school_id      text,
  due_at         timestamptz NOT NULL,
  recorded_at    timestamptz NOT NULL DEFAULT now()
);`,
  },
];

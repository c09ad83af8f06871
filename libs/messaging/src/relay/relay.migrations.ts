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
  {
    id: '002-open-custodies',
    sql: `
-- Custodies the relay has seen taken and not returned: when one passes its due time, device-custody-overdue.
CREATE TABLE kafka_relay_open_custodies (
  custody_id     text PRIMARY KEY,
  event_id       text NOT NULL,
  pupil_id       text NOT NULL,
  school_id      text,
  obligation_id  text NOT NULL,
  offence        integer NOT NULL,
  due_at         timestamptz NOT NULL
);
CREATE INDEX ON kafka_relay_open_custodies (due_at);`,
  },
  {
    id: '003-overdue-leaves-the-relay',
    sql: `
-- M6 overdue detection moved to the write side (issue #15): a DeviceReturnOverdue event, relayed like any other.
DROP TABLE IF EXISTS kafka_relay_open_custodies;`,
  },
];

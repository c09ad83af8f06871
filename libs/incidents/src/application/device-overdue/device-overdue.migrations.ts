import type { Migration } from '@casebook/platform';

/**
 * M6: the custodies not yet returned nor recorded overdue, with their due time, and how far the watch has read.
 * Derived from the pupil-conduct streams (rows and checkpoint move in one transaction); dropping both rebuilds them.
 */
export const DEVICE_OVERDUE_MIGRATIONS: readonly Migration[] = [
  {
    id: '001-open-custodies',
    sql: `
CREATE TABLE device_overdue_custodies (
  custody_id  text PRIMARY KEY,
  pupil_id    text NOT NULL,
  due_at      timestamptz NOT NULL
);
CREATE INDEX ON device_overdue_custodies (due_at);
CREATE TABLE device_overdue_checkpoint (
  name      text PRIMARY KEY,
  position  bigint NOT NULL
);
INSERT INTO device_overdue_checkpoint VALUES ('device-overdue', 0);`,
  },
];

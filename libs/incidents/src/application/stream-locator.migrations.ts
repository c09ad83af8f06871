import type { Migration } from '@casebook/platform';

/** Which stream holds a custody or an e-mail account action, for endpoints that name only its id. */
export const STREAM_LOCATOR_MIGRATIONS: readonly Migration[] = [
  {
    id: '001-stream-locator',
    sql: `
CREATE TABLE stream_locator (
  entity_id   text PRIMARY KEY,
  stream_id   text NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now()
);`,
  },
];

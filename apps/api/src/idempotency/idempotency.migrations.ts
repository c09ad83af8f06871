import type { Migration } from '@casebook/platform';

/** Stored responses of commands sent with an Idempotency-Key (api.md, Idempotency). */
export const IDEMPOTENCY_MIGRATIONS: readonly Migration[] = [
  {
    id: '001-idempotency-keys',
    sql: `
CREATE TABLE http_idempotency_keys (
  actor_id      text NOT NULL,
  key           text NOT NULL,
  request_hash  text NOT NULL,
  status_code   integer,
  headers       jsonb,
  body          jsonb,
  created_at    timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (actor_id, key)
);`,
  },
];

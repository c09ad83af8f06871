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
  {
    // #31 item 4: a reservation is a lease, with what a retry needs to find a dead attempt's events. Rows reserved
    // before this had no lease: they get one from now (a retry after it takes the key over).
    id: '002-idempotency-lease',
    sql: `
ALTER TABLE http_idempotency_keys
  ADD COLUMN correlation_id text,
  ADD COLUMN from_position bigint,
  ADD COLUMN success_status integer,
  ADD COLUMN lease_until timestamptz NOT NULL DEFAULT now() + interval '60 seconds';`,
  },
];

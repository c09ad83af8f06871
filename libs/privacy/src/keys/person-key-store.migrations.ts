import type { Migration } from '@casebook/platform';

export const PRIVACY_MIGRATIONS: readonly Migration[] = [
  {
    id: '001-person-keys',
    sql: `
-- One live data key per person, wrapped (AES-256-GCM) by the master key from configuration. Forgetting a person
-- deletes the row: every text sealed to that key becomes unreadable (crypto-shredding).
CREATE TABLE privacy_keys (
  person_id  text PRIMARY KEY,
  key_id     text NOT NULL,
  wrapped    bytea NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
`,
  },
];

import type { Migration } from '@casebook/platform';

/**
 * Which version of each read model serves reads, and how far each version got. A version's rows live in their
 * own schema (`rm_<name>_v<version>`), so a rebuild fills a new schema beside the live one.
 */
export const PROJECTION_STORE_MIGRATIONS: readonly Migration[] = [
  {
    id: '001-projection-versions-and-checkpoints',
    sql: `
CREATE TABLE projection_versions (
  name          text PRIMARY KEY,
  live_version  integer NOT NULL,
  switched_at   timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE projection_checkpoints (
  name        text NOT NULL,
  version     integer NOT NULL,
  position    bigint NOT NULL DEFAULT 0,
  events      bigint NOT NULL DEFAULT 0,
  updated_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (name, version)
);`,
  },
  {
    // A version remembers the schema it was built with (a hash of its DDL): when a projection's tables change, the
    // live version is outdated and is rebuilt before it serves (rebuildOutdatedReadModels). Versions from before
    // this column have none and count as outdated once.
    id: '002-checkpoint-ddl-hash',
    sql: 'ALTER TABLE projection_checkpoints ADD COLUMN ddl_hash text;',
  },
];

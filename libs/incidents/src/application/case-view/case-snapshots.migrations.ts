import type { Migration } from '@casebook/platform';

/**
 * Snapshots of case views (decisions.md #44): a cache beside the event store, never a source of truth. Texts in
 * `view` are sealed exactly as in the events (plain text is never stored), so forgetting a person erases them here
 * too. Dropping the table loses nothing: the next read folds the stream and writes a new one.
 */
export const CASE_SNAPSHOT_MIGRATIONS: readonly Migration[] = [
  {
    id: '001-case-snapshots',
    sql: `
CREATE TABLE case_snapshots (
  stream_id     text PRIMARY KEY,
  view_version  integer NOT NULL,
  revision      integer NOT NULL,
  view          text NOT NULL,
  saved_at      timestamptz NOT NULL DEFAULT now()
);`,
  },
];

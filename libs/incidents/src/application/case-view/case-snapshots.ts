import type { SqlClient } from '@casebook/platform';
import type { IncidentView } from './incident-view';

/** Bumped whenever IncidentView or its fold changes: snapshots of another version are ignored (and replaced). */
export const INCIDENT_VIEW_VERSION = 2; // 2: disciplinary intentions and dismissal procedures (S12, S13)
/** A read that folded at least this many events after the snapshot writes a new one. */
export const SNAPSHOT_EVERY = 200;

export interface CaseSnapshot {
  readonly revision: number;
  readonly view: IncidentView;
}

/**
 * `GET /incidents/{id}` reads the latest snapshot and folds only the events after it, so a case with 10,000
 * events is not refolded from its first event on every read. Only the view as folded from sealed events is kept.
 */
export class CaseSnapshots {
  constructor(private readonly sql: SqlClient) {}

  async latest(streamId: string): Promise<CaseSnapshot | null> {
    const [row] = await this.sql.query<{ revision: number; view: string }>(
      'SELECT revision, view FROM case_snapshots WHERE stream_id = $1 AND view_version = $2',
      [streamId, INCIDENT_VIEW_VERSION],
    );
    return row ? { revision: row.revision, view: JSON.parse(row.view) as IncidentView } : null;
  }

  /** Keeps the newer of two concurrent writers' snapshots. */
  async save(streamId: string, view: IncidentView): Promise<void> {
    await this.sql.query(
      `INSERT INTO case_snapshots (stream_id, view_version, revision, view) VALUES ($1, $2, $3, $4)
       ON CONFLICT (stream_id) DO UPDATE SET view_version = EXCLUDED.view_version, revision = EXCLUDED.revision, view = EXCLUDED.view, saved_at = now()
       WHERE case_snapshots.revision < EXCLUDED.revision OR case_snapshots.view_version <> EXCLUDED.view_version`,
      [streamId, INCIDENT_VIEW_VERSION, view.revision, JSON.stringify(view)],
    );
  }
}

import { CASE_KINDS, type EventStore, streamIds } from '@casebook/event-store';
import type { Logger, SqlClient } from '@casebook/platform';
import { CaseSnapshots, SNAPSHOT_EVERY } from './case-snapshots';
import { type IncidentView, incidentView } from './incident-view';

/**
 * `GET /incidents/{id}`: the case as it stands, folded from its stream — from the latest snapshot on (decisions.md
 * #44). A read that had to fold many events leaves a newer snapshot behind, after its answer is made.
 */
export class CaseViews {
  private readonly snapshots: CaseSnapshots;

  constructor(
    private readonly store: EventStore,
    sql: SqlClient,
    private readonly logger?: Logger,
  ) {
    this.snapshots = new CaseSnapshots(sql);
  }

  /** The case, or null when no case has this id. */
  async view(incidentId: string): Promise<IncidentView | null> {
    for (const kind of CASE_KINDS) {
      const streamId = streamIds.case(kind, incidentId);
      const snapshot = await this.snapshots.latest(streamId);
      const events = await this.store.readStream(streamId, snapshot ? { fromRevision: snapshot.revision + 1 } : {});
      if (!snapshot && !events.length) continue;
      const view = incidentView(kind, events, snapshot?.view);
      if (events.length >= SNAPSHOT_EVERY) {
        // A failed snapshot costs the next reader a longer fold, nothing else.
        this.snapshots
          .save(streamId, view)
          .catch((error: unknown) => this.logger?.warn({ error: error instanceof Error ? error.message : String(error) }, 'case snapshot not saved'));
      }
      return view;
    }
    return null;
  }
}

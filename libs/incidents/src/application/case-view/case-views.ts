import { CASE_KINDS, type EventStore, streamIds } from '@casebook/event-store';
import type { Logger, SqlClient } from '@casebook/platform';
import { CaseSnapshots, SNAPSHOT_EVERY } from './case-snapshots';
import { obligationEffectsOf } from '../../events/obligation-effects';
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
      return this.withDecisionObligations(view);
    }
    return null;
  }

  /**
   * The obligations of the case's criminal-report decisions (B2's police report, B3's notices) beside its own, each
   * naming its decision (#33: the case list counted a decision's police report the case page did not show). Read
   * from the decisions' own streams at every read, never kept in the case's snapshot.
   */
  private async withDecisionObligations(view: IncidentView): Promise<IncidentView> {
    if (!view.criminalReportDecisions.length) return view;
    const obligations = [...view.obligations];
    for (const decisionId of view.criminalReportDecisions) {
      const mine = new Map<string, IncidentView['obligations'][number] & { criminalReportDecisionId: string }>();
      for (const event of await this.store.readStream(streamIds.criminalReport(decisionId))) {
        const effects = obligationEffectsOf(event as never);
        for (const opened of effects.opened) mine.set(opened.obligationId, { ...opened, status: 'open', closedAt: null, criminalReportDecisionId: decisionId });
        for (const { obligationId, dueAt } of effects.dueEarlier ?? []) {
          const due = mine.get(obligationId);
          if (due?.status === 'open' && Date.parse(dueAt) < Date.parse(due.dueAt)) mine.set(obligationId, { ...due, dueAt });
        }
        for (const closed of effects.closed) {
          const done = mine.get(closed);
          if (done?.status === 'open') mine.set(closed, { ...done, status: 'done', closedAt: event.metadata.occurredAt });
        }
      }
      obligations.push(...mine.values());
    }
    return { ...view, obligations };
  }
}

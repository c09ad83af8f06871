import { obligationEffectsOf } from '@casebook/incidents';
import type { RecordedEvent } from '@casebook/event-store';
import { conductPupilOf, incidentIdOf } from './event-facts';

/** An obligation as a batch of events opened it: what it is, whose, of which case and school, and when it is due. */
export interface OpenedObligationFact {
  readonly obligationId: string;
  readonly kind: string;
  readonly regarding: string;
  readonly incidentId: string | null;
  readonly pupilId: string | null;
  readonly schoolId: string | null;
  readonly openedAt: Date;
  readonly dueAt: Date;
  readonly openedPosition: string;
}

/**
 * The obligations a batch opened and closed, by the domain's table (OBLIGATION_EFFECTS): one reading for every read
 * model that counts obligations (the obligations list, the caseload's counts, the work queue), so they agree. The
 * first close counts: a later event does not move it.
 */
export function obligationChangesOf(events: readonly RecordedEvent[]): {
  readonly opened: OpenedObligationFact[];
  readonly closed: Map<string, string>;
  /** Open obligations due earlier from now on (B3 with FACT1), by id: the earliest. */
  readonly dueEarlier: Map<string, string>;
} {
  const opened: OpenedObligationFact[] = [];
  const closed = new Map<string, string>();
  const dueEarlier = new Map<string, string>();
  for (const event of events) {
    const changes = obligationEffectsOf(event as never);
    const data = event.data as { readonly incidentId?: unknown; readonly subjectId?: string; readonly subjectKind?: string };
    const pupilId = conductPupilOf(event.streamId) ?? (event.type === 'MeasureImposed' && data.subjectKind !== 'parent' ? (data.subjectId ?? null) : null);
    const incidentId = incidentIdOf(event.streamId) ?? (typeof data.incidentId === 'string' ? data.incidentId : null);
    for (const o of changes.opened) {
      opened.push({
        obligationId: o.obligationId,
        kind: o.kind,
        regarding: o.regarding,
        incidentId: incidentId ?? (o.kind === 'police-report' ? o.regarding : null),
        pupilId,
        schoolId: event.metadata.schoolId,
        openedAt: new Date(event.metadata.recordedAt),
        dueAt: new Date(o.dueAt),
        openedPosition: String(event.globalPosition),
      });
    }
    for (const id of changes.closed) if (!closed.has(id)) closed.set(id, event.metadata.occurredAt);
    for (const { obligationId, dueAt } of changes.dueEarlier ?? []) {
      const earlier = dueEarlier.get(obligationId);
      if (!earlier || Date.parse(dueAt) < Date.parse(earlier)) dueEarlier.set(obligationId, dueAt);
    }
  }
  return { opened, closed, dueEarlier };
}

/**
 * The UPDATE that moves open obligations' due times earlier (B3 with FACT1) in `table`, before this batch's closes,
 * so a notice given after the filing closes as late. Never later than it was; a closed one stays as it closed.
 */
export function dueEarlierUpdate(table: string, dueEarlier: ReadonlyMap<string, string>): [string, unknown[]] {
  return [
    `UPDATE ${table} o SET due_at = least(o.due_at, d.due_at) FROM unnest($1::text[], $2::timestamptz[]) AS d(obligation_id, due_at)
      WHERE o.obligation_id = d.obligation_id AND o.closed_at IS NULL`,
    [[...dueEarlier.keys()], [...dueEarlier.values()]],
  ];
}

import type { EntityManager } from 'typeorm';
import { bulkInsert } from '../runtime/bulk-insert';
import type { Projection } from '../runtime/projection';
import { incidentIdOf } from '../shared/event-facts';
import { InspectorQueueItemRow } from './inspector-queue-item.entity';

/** B1/B3: a qualification as boundary-crossing (or signs of a sexual offence) queues the call; the call ends it. */
export const inspectorQueueProjection: Projection<'staff-misconduct'> = {
  name: 'inspector-queue',
  categories: ['staff-misconduct'],
  entities: [InspectorQueueItemRow],
  ddl: (schema) => `
CREATE TABLE ${schema}.inspector_queue_items (
  item_id text PRIMARY KEY, incident_id text NOT NULL, school_id text, basis text NOT NULL,
  created_at timestamptz NOT NULL, due_at timestamptz NOT NULL, status text NOT NULL, called_at timestamptz,
  inspector_reference text, conclusion text, called_by text
);
CREATE INDEX ON ${schema}.inspector_queue_items (status, due_at);`,
  // Set-based per batch: items queued are inserted together, then every call of the batch in one UPDATE (a call
  // always comes after the item it closes, so inserting first keeps the order of history).
  async apply(manager: EntityManager, events): Promise<void> {
    const queued: InspectorQueueItemRow[] = [];
    const calls = new Map<string, { calledAt: string; reference: string; conclusion: string | null; calledBy: string }>();
    for (const event of events) {
      if (event.type === 'InspectorNotificationQueued') {
        const { obligation, basis } = event.data;
        queued.push({
          itemId: obligation.obligationId,
          incidentId: incidentIdOf(event.streamId) ?? obligation.regarding,
          schoolId: event.metadata.schoolId,
          basis,
          createdAt: new Date(event.metadata.recordedAt),
          dueAt: new Date(obligation.dueAt),
          status: 'pending',
          calledAt: null,
          inspectorReference: null,
          conclusion: null,
          calledBy: null,
        });
      } else if (event.type === 'InspectorCalled') {
        const { calledAt, inspectorReference: reference, conclusion, calledBy, closesObligationIds } = event.data;
        const call = { calledAt, reference, conclusion: conclusion ?? null, calledBy };
        for (const id of closesObligationIds) if (!calls.has(id)) calls.set(id, call);
      }
    }
    await bulkInsert(manager, InspectorQueueItemRow, queued);
    if (!calls.size) return;
    const ids = [...calls.keys()];
    const schema = manager.connection.driver.schema ?? 'public';
    await manager.query(
      `UPDATE "${schema}".inspector_queue_items i
       SET status = 'done', called_at = c.called_at, inspector_reference = c.reference, conclusion = c.conclusion, called_by = c.called_by
       FROM unnest($1::text[], $2::timestamptz[], $3::text[], $4::text[], $5::text[]) AS c(item_id, called_at, reference, conclusion, called_by)
       WHERE i.item_id = c.item_id AND i.status = 'pending'`,
      [
        ids,
        ids.map((id) => calls.get(id)!.calledAt),
        ids.map((id) => calls.get(id)!.reference),
        ids.map((id) => calls.get(id)!.conclusion),
        ids.map((id) => calls.get(id)!.calledBy),
      ],
    );
  },
};

import type { RecordedEvent } from '@casebook/event-store';
import type { OpenedObligation } from '@casebook/incidents';
import { type EntityManager, In } from 'typeorm';
import { bulkInsert } from '../runtime/bulk-insert';
import type { Projection } from '../runtime/projection';
import { dataOf, incidentIdOf } from '../shared/event-facts';
import { InspectorQueueItemRow } from './inspector-queue-item.entity';

/** B1/B3: a qualification as boundary-crossing (or signs of a sexual offence) queues the call; the call ends it. */
export const inspectorQueueProjection: Projection = {
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
  // Items queued in a batch are written together, before any call of the batch updates them.
  async apply(manager: EntityManager, events: readonly RecordedEvent[]): Promise<void> {
    let queued: InspectorQueueItemRow[] = [];
    const flush = async () => {
      await bulkInsert(manager, InspectorQueueItemRow, queued);
      queued = [];
    };
    for (const event of events) {
      const data = dataOf(event);
      if (event.type === 'InspectorNotificationQueued') {
        const obligation = data['obligation'] as OpenedObligation;
        queued.push({
          itemId: obligation.obligationId,
          incidentId: incidentIdOf(event.streamId) ?? obligation.regarding,
          schoolId: event.metadata.schoolId,
          basis: String(data['basis']),
          createdAt: new Date(event.metadata.recordedAt),
          dueAt: new Date(obligation.dueAt),
          status: 'pending',
          calledAt: null,
          inspectorReference: null,
          conclusion: null,
          calledBy: null,
        });
      } else if (event.type === 'InspectorCalled') {
        const ids = (data['closesObligationIds'] as string[] | undefined) ?? [];
        if (!ids.length) continue;
        await flush();
        await manager.update(
          InspectorQueueItemRow,
          { itemId: In(ids) },
          {
            status: 'done',
            calledAt: new Date(String(data['calledAt'])),
            inspectorReference: String(data['inspectorReference']),
            conclusion: (data['conclusion'] as string | null) ?? null,
            calledBy: String(data['calledBy']),
          },
        );
      }
    }
    await flush();
  },
};

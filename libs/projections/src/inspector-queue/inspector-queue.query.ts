import { type DataSource, LessThan, MoreThanOrEqual } from 'typeorm';
import { InspectorQueueItemRow } from './inspector-queue-item.entity';

export type InspectorItemStatus = 'pending' | 'done' | 'overdue';

export interface InspectorQueueItemView {
  readonly itemId: string;
  readonly incidentId: string;
  readonly schoolId: string | null;
  readonly basis: string;
  readonly createdAt: string;
  readonly dueAt: string;
  /** `overdue`: still pending after its due time (one working day, weekends not counted: B1). */
  readonly status: InspectorItemStatus;
  readonly call: { readonly calledAt: string; readonly inspectorReference: string; readonly conclusion: string | null; readonly calledBy: string } | null;
}

/** `GET /inspector-notifications?status=`: `pending` includes overdue items (they are pending too). */
export async function findInspectorQueue(
  source: DataSource,
  query: { status?: InspectorItemStatus; now: Date; limit: number; offset: number },
): Promise<InspectorQueueItemView[]> {
  const where =
    query.status === 'done'
      ? { status: 'done' as const }
      : query.status === 'overdue'
        ? { status: 'pending' as const, dueAt: LessThan(query.now) }
        : query.status === 'pending'
          ? [
              { status: 'pending' as const, dueAt: MoreThanOrEqual(query.now) },
              { status: 'pending' as const, dueAt: LessThan(query.now) },
            ]
          : {};
  const rows = await source.getRepository(InspectorQueueItemRow).find({ where, order: { dueAt: 'ASC', itemId: 'ASC' }, skip: query.offset, take: query.limit });
  return rows.map((row) => ({
    itemId: row.itemId,
    incidentId: row.incidentId,
    schoolId: row.schoolId,
    basis: row.basis,
    createdAt: row.createdAt.toISOString(),
    dueAt: row.dueAt.toISOString(),
    status: row.status === 'done' ? 'done' : row.dueAt < query.now ? 'overdue' : 'pending',
    call:
      row.status === 'done' && row.calledAt
        ? { calledAt: row.calledAt.toISOString(), inspectorReference: row.inspectorReference ?? '', conclusion: row.conclusion, calledBy: row.calledBy ?? '' }
        : null,
  }));
}

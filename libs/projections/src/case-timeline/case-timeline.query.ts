import { type DataSource, MoreThan } from 'typeorm';
import { TimelineCaseRow, TimelineEntryRow } from './case-timeline.entities';
import { type TimelineLanguage, timelineText } from './case-timeline.text';

export interface TimelineLine {
  readonly position: number;
  readonly revision: number;
  readonly streamId: string;
  readonly type: string;
  readonly occurredAt: string;
  readonly recordedAt: string;
  readonly late: boolean;
  readonly actor: { readonly id: string; readonly role: string };
  readonly text: string;
}

export async function findTimelineCase(source: DataSource, incidentId: string): Promise<{ caseKind: string; schoolId: string | null } | null> {
  const kase = await source.getRepository(TimelineCaseRow).findOne({ where: { refId: incidentId } });
  if (!kase || kase.incidentId !== incidentId) return null;
  const first = await source.getRepository(TimelineEntryRow).findOne({ where: { incidentId }, order: { position: 'ASC' } });
  return { caseKind: kase.caseKind, schoolId: first?.schoolId ?? null };
}

/** `GET /incidents/{id}/timeline`: every event in order, a page at a time (`after` = the last position seen). */
export async function findTimeline(
  source: DataSource,
  incidentId: string,
  query: { language: TimelineLanguage; after: number; limit: number },
): Promise<TimelineLine[]> {
  const rows = await source.getRepository(TimelineEntryRow).find({
    where: { incidentId, position: MoreThan(String(query.after)) },
    order: { position: 'ASC' },
    take: query.limit,
  });
  return rows.map((row) => ({
    position: Number(row.position),
    revision: row.revision,
    streamId: row.streamId,
    type: row.type,
    occurredAt: row.occurredAt.toISOString(),
    recordedAt: row.recordedAt.toISOString(),
    late: row.late,
    actor: { id: row.actorId, role: row.actorRole },
    text: timelineText(row.type, row.facts, row.actorRole, row.late, query.language),
  }));
}

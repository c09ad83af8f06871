import type { DataSource } from 'typeorm';
import { AccessLogEntryRow } from './access-log-entry.entity';

export interface AccessLogView {
  readonly accessId: string;
  readonly readAt: string;
  readonly actorId: string;
  readonly actorRoles: readonly string[];
  readonly resource: string;
  readonly resourceId: string;
  readonly subjectIds: readonly string[];
  readonly outcome: string;
}

/** `GET /access-log?subjectId=&actorId=&from=&to=`: newest first. */
export async function findAccessLog(
  source: DataSource,
  query: { subjectId?: string; actorId?: string; from?: Date; to?: Date; limit: number; offset: number },
): Promise<AccessLogView[]> {
  const builder = source.getRepository(AccessLogEntryRow).createQueryBuilder('a');
  if (query.subjectId) builder.andWhere(':subject = ANY(a.subject_ids)', { subject: query.subjectId });
  if (query.actorId) builder.andWhere('a.actor_id = :actor', { actor: query.actorId });
  if (query.from) builder.andWhere('a.read_at >= :from', { from: query.from });
  if (query.to) builder.andWhere('a.read_at < :to', { to: query.to });
  const rows = await builder.orderBy('a.position', 'DESC').offset(query.offset).limit(query.limit).getMany();
  return rows.map((row) => ({
    accessId: row.accessId,
    readAt: row.readAt.toISOString(),
    actorId: row.actorId,
    actorRoles: row.actorRoles,
    resource: row.resource,
    resourceId: row.resourceId,
    subjectIds: row.subjectIds,
    outcome: row.outcome,
  }));
}

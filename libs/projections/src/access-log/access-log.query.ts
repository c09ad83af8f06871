import type { DossierRead } from '@casebook/incidents';
import type { DataSource } from 'typeorm';
import { AccessLogEntryRow } from './access-log-entry.entity';

/** One logged read, as `GET /access-log` lists it: the `DossierRead` event's data, its id and when it was read. */
export type AccessLogView = DossierRead['data'] & {
  readonly accessId: string;
  readonly readAt: string;
};

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
    resource: row.resource as AccessLogView['resource'],
    resourceId: row.resourceId,
    subjectIds: row.subjectIds,
    outcome: row.outcome as AccessLogView['outcome'],
    ...(row.caseIds.length ? { caseIds: row.caseIds } : {}),
  }));
}

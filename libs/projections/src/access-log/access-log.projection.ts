import type { EntityManager } from 'typeorm';
import type { Projection } from '../runtime/projection';
import { AccessLogEntryRow } from './access-log-entry.entity';

/** The access log (domain spec): every read of a pupil file, personnel file, timeline or export, refused ones too; and every list of cases, with the cases it showed. */
export const accessLogProjection: Projection<'access-log'> = {
  name: 'access-log',
  categories: ['access-log'],
  entities: [AccessLogEntryRow],
  ddl: (schema) => `
CREATE TABLE ${schema}.access_log (
  access_id text PRIMARY KEY, position bigint NOT NULL, read_at timestamptz NOT NULL, actor_id text NOT NULL,
  actor_roles text[] NOT NULL, resource text NOT NULL, resource_id text NOT NULL, subject_ids text[] NOT NULL,
  outcome text NOT NULL, case_ids text[] NOT NULL
);
CREATE INDEX ON ${schema}.access_log USING gin (subject_ids);
CREATE INDEX ON ${schema}.access_log (actor_id, read_at);
CREATE INDEX ON ${schema}.access_log (read_at);`,
  async apply(manager: EntityManager, events): Promise<void> {
    // An access-log stream holds one DossierRead: its only event type.
    const rows = events.map((event) => {
      const access = event.data;
      return {
        accessId: event.eventId,
        position: String(event.globalPosition),
        readAt: new Date(event.metadata.recordedAt),
        actorId: access.actorId,
        actorRoles: [...access.actorRoles],
        resource: access.resource,
        resourceId: access.resourceId,
        subjectIds: [...access.subjectIds],
        outcome: access.outcome,
        caseIds: [...(access.caseIds ?? [])],
      };
    });
    if (rows.length) await manager.insert(AccessLogEntryRow, rows);
  },
};

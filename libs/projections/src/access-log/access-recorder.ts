import { type EventStore, type NewEvent, newEventId } from '@casebook/event-store';

/** What was read: a pupil file, a personnel file, a case (state or timeline), an audit export. */
export type AccessedResource = 'pupil-file' | 'personnel-file' | 'incident' | 'incident-timeline' | 'audit-export' | 'access-log';

export interface DossierAccess {
  readonly actorId: string;
  readonly actorRoles: readonly string[];
  readonly resource: AccessedResource;
  readonly resourceId: string;
  /** Whose data it is (the pupil, the staff member, the people involved in a case). */
  readonly subjectIds: readonly string[];
  readonly outcome: 'granted' | 'refused' | 'not-found';
}

/**
 * The access log is kept as events (`DossierRead` on `access-log-<uuid>`): appended before the answer leaves,
 * never edited (the store refuses UPDATE and DELETE), and covered by the audit chain like every event.
 * One stream per read, so reads never contend on a revision.
 */
export async function recordAccess(store: EventStore, access: DossierAccess, correlationId: string): Promise<void> {
  const event = dossierRead(access, correlationId);
  await store.appendToStream(`access-log-${event.eventId}`, [event], { expectedRevision: 'no-stream' });
}

/** The `DossierRead` event of one access (its id names its stream: `access-log-<eventId>`). */
export function dossierRead(access: DossierAccess, correlationId: string): NewEvent {
  return {
    eventId: newEventId(),
    type: 'DossierRead',
    schemaVersion: 1,
    data: { ...access, actorRoles: [...access.actorRoles], subjectIds: [...access.subjectIds] },
    metadata: { actorId: access.actorId, actorRole: access.actorRoles.join(','), schoolId: null, correlationId, causationId: null, occurredAt: new Date().toISOString() },
  };
}

import { type EventStore, type NewEvent, newEventId, streamIds } from '@casebook/event-store';
import type { DossierRead } from '@casebook/incidents';

/** One dossier read to log: who (and in which roles), what, whose data, and whether it was shown. */
export type DossierAccess = DossierRead['data'];

/** The `DossierRead` event of one access (its id names its stream: `access-log-<eventId>`). */
export function dossierRead(access: DossierAccess, correlationId: string): NewEvent {
  const data: DossierRead['data'] = {
    ...access,
    actorRoles: [...access.actorRoles],
    subjectIds: [...access.subjectIds],
    ...(access.caseIds ? { caseIds: [...access.caseIds] } : {}),
  };
  return {
    eventId: newEventId(),
    type: 'DossierRead',
    schemaVersion: 1,
    data,
    metadata: {
      actorId: access.actorId,
      actorRole: access.actorRoles.join(','),
      schoolId: null,
      correlationId,
      causationId: null,
      occurredAt: new Date().toISOString(),
    },
  };
}

/** At most this many reads share one commit (the PostgreSQL adapter's transactions hold 4096 events). */
const MAX_BATCH = 500;

interface Pending {
  readonly access: DossierAccess;
  readonly correlationId: string;
  readonly done: (error?: unknown) => void;
}

/** Logs one read at once, without the group commit (fixtures and one-off tools). */
export async function recordAccess(store: EventStore, access: DossierAccess, correlationId: string): Promise<void> {
  const event = dossierRead(access, correlationId);
  await store.appendToStream(streamIds.accessLog(event.eventId), [event], { expectedRevision: 'no-stream' });
}

/**
 * The access log is kept as events (`DossierRead` on `access-log-<uuid>`, decisions.md #28): appended before the
 * answer leaves, never edited (the store refuses UPDATE and DELETE), covered by the audit chain like every event;
 * one stream per read, so reads never contend on a revision.
 *
 * Logs dossier reads with a group commit: while one commit is in flight, the reads that arrive wait for the next,
 * which takes them all in one transaction (`appendToNewStreams`). Each read still waits until its own entry is
 * durable before its answer leaves (decisions #28); under load they share fsyncs instead of queueing for one each.
 * Each entry stays its own one-event stream, so access-log exports still hold whole streams.
 */
export class AccessLogWriter {
  private queue: Pending[] = [];
  private flushing = false;

  constructor(private readonly store: EventStore) {}

  record(access: DossierAccess, correlationId: string): Promise<void> {
    return new Promise((resolve, reject) => {
      this.queue.push({ access, correlationId, done: (error) => (error === undefined ? resolve() : reject(error)) });
      if (!this.flushing) void this.flush();
    });
  }

  private async flush(): Promise<void> {
    this.flushing = true;
    try {
      while (this.queue.length) {
        const batch = this.queue.splice(0, MAX_BATCH);
        await this.write(batch);
      }
    } finally {
      this.flushing = false;
    }
  }

  private async write(batch: readonly Pending[]): Promise<void> {
    const appends = batch.map((pending) => {
      const event = dossierRead(pending.access, pending.correlationId);
      return { streamId: streamIds.accessLog(event.eventId), events: [event] };
    });
    const group = this.store.appendToNewStreams;
    if (group && batch.length > 1) {
      try {
        await group.call(this.store, appends);
        for (const pending of batch) pending.done();
        return;
      } catch {
        // One bad entry must not cost the others their log line: fall back to one append each.
      }
    }
    await Promise.all(
      appends.map(async (append, index) => {
        try {
          await this.store.appendToStream(append.streamId, append.events, { expectedRevision: 'no-stream' });
          batch[index]!.done();
        } catch (error) {
          batch[index]!.done(error ?? new Error('access log append failed'));
        }
      }),
    );
  }
}

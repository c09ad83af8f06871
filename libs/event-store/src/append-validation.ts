import { InvalidAppendError } from './event-store.errors';
import type { NewEvent } from './event-envelope';
import type { AppendOptions } from './event-store.port';
import { isUuid } from './event-id';

const STREAM_ID = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,199}$/;
/** One append is one decision's events; the PostgreSQL adapter's positions leave room for 4096 per transaction. */
export const MAX_EVENTS_PER_APPEND = 4096;

/** Checks every adapter applies before it writes, so all adapters refuse the same inputs the same way. */
export function validateAppend(streamId: string, events: readonly NewEvent[], options: AppendOptions): void {
  if (!STREAM_ID.test(streamId)) throw new InvalidAppendError(`Invalid stream id: ${JSON.stringify(streamId)}`);
  if (events.length === 0) throw new InvalidAppendError('An append needs at least one event');
  if (events.length > MAX_EVENTS_PER_APPEND) throw new InvalidAppendError(`An append takes at most ${MAX_EVENTS_PER_APPEND} events`);
  const { expectedRevision } = options;
  if (typeof expectedRevision === 'number' && (!Number.isSafeInteger(expectedRevision) || expectedRevision < 0)) {
    throw new InvalidAppendError(`Invalid expected revision: ${expectedRevision}`);
  }
  const seen = new Set<string>();
  for (const event of events) {
    if (!isUuid(event.eventId)) throw new InvalidAppendError(`Event id is not a UUID: ${JSON.stringify(event.eventId)}`);
    if (seen.has(event.eventId.toLowerCase())) throw new InvalidAppendError(`Event id twice in one append: ${event.eventId}`);
    seen.add(event.eventId.toLowerCase());
    if (!event.type) throw new InvalidAppendError('Event type is empty');
    if (!Number.isInteger(event.schemaVersion) || event.schemaVersion < 1) {
      throw new InvalidAppendError(`Invalid schema version for ${event.type}: ${event.schemaVersion}`);
    }
  }
}

import type { RecordedEvent } from '@casebook/event-store';
import { type RecordedDomainEvent, isDomainEventType } from '@casebook/incidents';
import type { DataSource } from 'typeorm';
import type { AnyProjection } from './projection';

/** Thrown when another runner moved this version's checkpoint: this batch's rows are rolled back. */
export class CheckpointMovedError extends Error {}

/**
 * The events as the domain types them. One of a type this version does not know (written by a newer version in
 * a rolling upgrade) is passed over, not guessed at: its read model is rebuilt once this version is replaced.
 */
export function domainEventsOf(events: readonly RecordedEvent[]): { readonly known: readonly RecordedDomainEvent[]; readonly unknown: readonly string[] } {
  const known: RecordedDomainEvent[] = [];
  const unknown: string[] = [];
  for (const event of events) {
    if (isDomainEventType(event.type)) known.push(event as RecordedDomainEvent);
    else unknown.push(event.type);
  }
  return { known, unknown };
}

/**
 * One batch of one read-model version, as one transaction: its rows, and its checkpoint moved from `from` to
 * `to` — only if it still is at `from`, so two runners on one version cannot both apply a batch.
 */
export async function applyBatch(
  source: DataSource,
  projection: AnyProjection,
  version: number,
  events: readonly RecordedDomainEvent[],
  from: number,
  to: number,
): Promise<void> {
  await source.transaction(async (manager) => {
    if (events.length) await projection.apply(manager, events);
    const moved = await manager.query(
      // A CTE, so the driver returns the rows rather than UPDATE's [rows, count] pair.
      `WITH moved AS (UPDATE public.projection_checkpoints SET position = $3, events = events + $4, updated_at = now()
       WHERE name = $1 AND version = $2 AND position = $5 RETURNING position) SELECT position FROM moved`,
      [projection.name, version, to, events.length, from],
    );
    if ((moved as unknown[]).length !== 1) throw new CheckpointMovedError(`${projection.name} v${version}: another runner moved the checkpoint from ${from}`);
  });
}

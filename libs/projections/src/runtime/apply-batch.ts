import type { RecordedEvent } from '@casebook/event-store';
import type { DataSource } from 'typeorm';
import type { Projection } from './projection';

/** Thrown when another runner moved this version's checkpoint: this batch's rows are rolled back. */
export class CheckpointMovedError extends Error {}

/**
 * One batch of one read-model version, as one transaction: its rows, and its checkpoint moved from `from` to
 * `to` — only if it still is at `from`, so two runners on one version cannot both apply a batch.
 */
export async function applyBatch(
  source: DataSource,
  projection: Projection,
  version: number,
  events: readonly RecordedEvent[],
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

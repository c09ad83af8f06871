import { type ConsumerBatch, EventConsumer, type EventStore, idIn, streamIds } from '@casebook/event-store';
import { type Logger, type SqlClient, type SqlQueryable, runMigrations } from '@casebook/platform';
import type { PupilConductEvent } from '../../domain/pupil-conduct/pupil-conduct.events';
import type { Actor } from '../../domain/shared/actor';
import type { Handlers } from '../handlers';
import { DEVICE_OVERDUE_MIGRATIONS } from './device-overdue.migrations';

/** The system acting on M6: under the board's authority, like the retention job. */
export const OVERDUE_ACTOR: Actor = { id: 'casebook-overdue-watch', role: 'board', schools: [] };
/** Custodies flagged per round at most (the next round takes the rest). */
const FLAGS_PER_ROUND = 500;

/**
 * M6: "a device not returned by its due time shows as overdue". Follows the pupil-conduct streams (the one
 * consumer loop) and keeps the custodies still out; `flagDue` records `DeviceReturnOverdue` for each one past its
 * due time, through the pupil-conduct decider (which records nothing for one returned or flagged meanwhile). The
 * relay maps that event to `device-custody-overdue` like any other: nothing reaches Kafka that was not appended.
 */
export class DeviceOverdueWatch {
  readonly consumer: EventConsumer;

  constructor(
    private readonly sql: SqlClient,
    store: EventStore,
    private readonly handlers: Handlers,
    private readonly logger?: Logger,
    pollIntervalMs = 500,
  ) {
    this.consumer = new EventConsumer({
      name: 'device-overdue',
      store,
      categories: ['pupil-conduct'],
      batchSize: 2_000,
      pollIntervalMs,
      logger,
      checkpoint: async () =>
        Number((await sql.query<{ position: string }>("SELECT position FROM device_overdue_checkpoint WHERE name = 'device-overdue'"))[0]?.position ?? 0),
      apply: (batch) => sql.transaction((tx) => this.track(tx, batch)),
    });
  }

  static async migrate(sql: SqlClient): Promise<void> {
    await runMigrations(sql, 'device-overdue', DEVICE_OVERDUE_MIGRATIONS);
  }

  /** Records each custody past due at `now` as overdue; how many it recorded. */
  async flagDue(now: Date = new Date()): Promise<number> {
    const due = await this.sql.query<{ custody_id: string; pupil_id: string }>(
      'SELECT custody_id, pupil_id FROM device_overdue_custodies WHERE due_at < $1 ORDER BY due_at LIMIT $2',
      [now.toISOString(), FLAGS_PER_ROUND],
    );
    let flagged = 0;
    for (const row of due) {
      try {
        const result = await this.handlers.pupilConduct.handle(
          streamIds.pupilConduct(row.pupil_id),
          { type: 'FlagOverdueDevice', context: { actor: OVERDUE_ACTOR, now: now.toISOString() }, data: { custodyId: row.custody_id } },
          { correlationId: `overdue-${row.custody_id}`, causationId: null },
        );
        if (result.outcome === 'accepted') flagged += result.events.length;
        else this.logger?.warn({ custodyId: row.custody_id, outcome: result.outcome }, 'overdue device not recorded');
        // Done with it either way: recorded now, or returned / flagged / unknown on its stream.
        await this.sql.query('DELETE FROM device_overdue_custodies WHERE custody_id = $1', [row.custody_id]);
      } catch (error) {
        this.logger?.warn(
          { custodyId: row.custody_id, error: error instanceof Error ? error.message : String(error) },
          'overdue device not recorded; tried again next round',
        );
      }
    }
    return flagged;
  }

  /** The batch's net effect on the custodies still out, and the checkpoint, in the batch's transaction. */
  private async track(tx: SqlQueryable, { events, from, to }: ConsumerBatch): Promise<void> {
    const net = new Map<string, { pupilId: string; dueAt: string } | null>();
    for (const recorded of events) {
      const event = recorded as unknown as PupilConductEvent;
      if (event.type === 'DeviceTakenIntoCustody')
        net.set(event.data.custodyId, { pupilId: idIn('pupil-conduct', recorded.streamId) ?? event.data.pupilId, dueAt: event.data.custodyUntil });
      else if (event.type === 'DeviceReturned' || event.type === 'DeviceReturnOverdue') net.set(event.data.custodyId, null);
    }
    const gone = [...net.entries()].filter(([, open]) => open === null).map(([custodyId]) => custodyId);
    const open = [...net.entries()].flatMap(([custodyId, row]) => (row ? [{ custodyId, ...row }] : []));
    if (gone.length) await tx.query('DELETE FROM device_overdue_custodies WHERE custody_id = ANY($1::text[])', [gone]);
    if (open.length) {
      await tx.query(
        `INSERT INTO device_overdue_custodies (custody_id, pupil_id, due_at)
         SELECT * FROM unnest($1::text[], $2::text[], $3::timestamptz[]) ON CONFLICT (custody_id) DO NOTHING`,
        [open.map((r) => r.custodyId), open.map((r) => r.pupilId), open.map((r) => r.dueAt)],
      );
    }
    const moved = await tx.query("UPDATE device_overdue_checkpoint SET position = $1 WHERE name = 'device-overdue' AND position = $2 RETURNING position", [
      to,
      from,
    ]);
    if (moved.length !== 1) throw new Error(`device-overdue: another watch moved the checkpoint from ${from}`);
  }
}

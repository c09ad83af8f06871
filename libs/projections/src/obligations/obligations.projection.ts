import type { EntityManager } from 'typeorm';
import { bulkInsert } from '../runtime/bulk-insert';
import type { Projection } from '../runtime/projection';
import { dueEarlierUpdate, obligationChangesOf } from '../shared/obligation-changes';
import { ObligationRow } from './obligation.entity';

/**
 * Obligations (domain spec, read models): inform parents (P2, M2, E2, E3), the inspector call (B1 policy, B3
 * statutory), the police report (B2), device return (M6), the Inspectorate report of a suspension (P5), the
 * removal clocks (P6). Opened and closed by the events that carry them.
 */
export const obligationsProjection: Projection<'pupil-incident' | 'staff-misconduct' | 'criminal-report' | 'pupil-conduct'> = {
  name: 'obligations',
  categories: ['pupil-incident', 'staff-misconduct', 'criminal-report', 'pupil-conduct'],
  entities: [ObligationRow],
  ddl: (schema) => `
CREATE TABLE ${schema}.obligations (
  obligation_id text PRIMARY KEY, kind text NOT NULL, regarding text NOT NULL, incident_id text, pupil_id text,
  school_id text, opened_at timestamptz NOT NULL, due_at timestamptz NOT NULL, closed_at timestamptz,
  opened_position bigint NOT NULL
);
CREATE INDEX ON ${schema}.obligations (due_at) WHERE closed_at IS NULL;
CREATE INDEX ON ${schema}.obligations (school_id, due_at);
CREATE INDEX ON ${schema}.obligations (pupil_id);`,
  // Set-based per batch: one INSERT of every obligation opened, then one UPDATE of every one closed (an
  // obligation is always opened by an earlier event, so inserting first keeps the order of history).
  async apply(manager: EntityManager, events): Promise<void> {
    // Which events open and close obligations, the domain's table says (OBLIGATION_EFFECTS).
    const changes = obligationChangesOf(events);
    const opened: ObligationRow[] = changes.opened.map((o) => ({ ...o, closedAt: null }));
    const closed = changes.closed;
    await bulkInsert(manager, ObligationRow, opened, { ignoreConflicts: true });
    const schema = manager.connection.driver.schema ?? 'public';
    if (changes.dueEarlier.size) await manager.query(...dueEarlierUpdate(`"${schema}".obligations`, changes.dueEarlier));
    if (closed.size) {
      await manager.query(
        `UPDATE "${schema}".obligations o SET closed_at = c.closed_at
         FROM unnest($1::text[], $2::timestamptz[]) AS c(obligation_id, closed_at)
         WHERE o.obligation_id = c.obligation_id AND o.closed_at IS NULL`,
        [[...closed.keys()], [...closed.values()]],
      );
    }
  },
};

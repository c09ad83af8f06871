import type { RecordedEvent } from '@casebook/event-store';
import { type EntityManager, In, IsNull } from 'typeorm';
import type { Projection } from '../runtime/projection';
import { conductPupilOf, dataOf, incidentIdOf, obligationChanges } from '../shared/event-facts';
import { ObligationRow } from './obligation.entity';

/**
 * Obligations (domain spec, read models): inform parents (P2, M2, E2, E3), the inspector call (B1 policy, B3
 * statutory), the police report (B2), device return (M6), the Inspectorate report of a suspension (P5), the
 * removal clocks (P6). Opened and closed by the events that carry them.
 */
export const obligationsProjection: Projection = {
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
  async apply(manager: EntityManager, events: readonly RecordedEvent[]): Promise<void> {
    for (const event of events) {
      const { opened, closed } = obligationChanges(event);
      if (opened.length) {
        const data = dataOf(event);
        const pupilId = conductPupilOf(event.streamId) ?? (typeof data['subjectId'] === 'string' && event.type === 'MeasureImposed' ? data['subjectId'] : null);
        const incidentId = incidentIdOf(event.streamId) ?? (typeof data['incidentId'] === 'string' ? data['incidentId'] : null);
        const rows = opened.map((o) => ({
          obligationId: o.obligationId,
          kind: o.kind,
          regarding: o.regarding,
          incidentId: incidentId ?? (o.kind === 'police-report' ? o.regarding : null),
          pupilId,
          schoolId: event.metadata.schoolId,
          openedAt: new Date(event.metadata.recordedAt),
          dueAt: new Date(o.dueAt),
          closedAt: null,
          openedPosition: String(event.globalPosition),
        }));
        await manager.createQueryBuilder().insert().into(ObligationRow).values(rows).orIgnore().execute();
      }
      if (closed.length) {
        await manager.update(ObligationRow, { obligationId: In(closed), closedAt: IsNull() }, { closedAt: new Date(event.metadata.occurredAt) });
      }
    }
  },
};

import type { RecordedEvent } from '@casebook/event-store';
import type { EntityManager } from 'typeorm';
import type { Projection } from '../runtime/projection';
import { dataOf, incidentIdOf } from '../shared/event-facts';

const SERIOUS_MEASURES = new Set(['dismissal', 'summary-dismissal']);

/**
 * What retention needs (domain spec, Privacy): when each person left, which cases they are in, which of those
 * are serious (a criminal-report decision or a dismissal: kept longer), which are under a legal hold, and who has
 * been erased. Ids and dates only.
 */
export const privacyRegisterProjection: Projection = {
  name: 'privacy-register',
  categories: ['pupil-incident', 'staff-misconduct', 'criminal-report', 'privacy', 'legal-hold'],
  entities: [],
  ddl: (schema) => `
CREATE TABLE ${schema}.departures (person_id text PRIMARY KEY, person_kind text NOT NULL, left_on date NOT NULL);
CREATE TABLE ${schema}.case_people (incident_id text NOT NULL, person_id text NOT NULL, PRIMARY KEY (incident_id, person_id));
CREATE INDEX ON ${schema}.case_people (person_id);
CREATE TABLE ${schema}.serious_cases (incident_id text PRIMARY KEY, basis text NOT NULL);
CREATE TABLE ${schema}.legal_holds (incident_id text PRIMARY KEY, held boolean NOT NULL);
CREATE TABLE ${schema}.erasures (person_id text PRIMARY KEY, erased_at timestamptz NOT NULL, basis text NOT NULL);`,
  async apply(manager: EntityManager, events: readonly RecordedEvent[]): Promise<void> {
    const schema = `"${manager.connection.driver.schema ?? 'public'}"`;
    // In order, one statement per relevant event: these events are rare next to the rest of the history.
    for (const event of events) {
      const data = dataOf(event);
      switch (event.type) {
        case 'IncidentReported': {
          const people = Array.isArray(data['involved']) ? (data['involved'] as { personId?: unknown }[]).map((person) => String(person.personId)) : [];
          await manager.query(`INSERT INTO ${schema}.case_people SELECT $1, unnest($2::text[]) ON CONFLICT DO NOTHING`, [String(data['incidentId']), people]);
          break;
        }
        case 'CriminalReportDecisionOpened':
          await manager.query(`INSERT INTO ${schema}.serious_cases VALUES ($1, 'criminal-report') ON CONFLICT DO NOTHING`, [String(data['sourceIncidentId'])]);
          break;
        case 'DisciplinaryMeasureImposed':
          if (SERIOUS_MEASURES.has(String(data['measure']))) {
            await manager.query(`INSERT INTO ${schema}.serious_cases VALUES ($1, 'dismissal') ON CONFLICT DO NOTHING`, [incidentIdOf(event.streamId)]);
          }
          break;
        case 'PersonDeparted':
          await manager.query(
            `INSERT INTO ${schema}.departures VALUES ($1, $2, $3) ON CONFLICT (person_id) DO UPDATE SET person_kind = excluded.person_kind, left_on = excluded.left_on`,
            [data['personId'], data['personKind'], data['leftOn']],
          );
          break;
        case 'LegalHoldPlaced':
        case 'LegalHoldLifted':
          await manager.query(`INSERT INTO ${schema}.legal_holds VALUES ($1, $2) ON CONFLICT (incident_id) DO UPDATE SET held = excluded.held`, [
            data['incidentId'],
            event.type === 'LegalHoldPlaced',
          ]);
          break;
        case 'PersonDataErased':
          await manager.query(`INSERT INTO ${schema}.erasures VALUES ($1, $2, $3) ON CONFLICT (person_id) DO UPDATE SET erased_at = excluded.erased_at, basis = excluded.basis`, [
            data['personId'],
            event.metadata.recordedAt,
            data['basis'],
          ]);
          break;
      }
    }
  },
};

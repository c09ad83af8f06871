import type { EntityManager } from 'typeorm';
import { type EventTable, type Projection, dispatch } from '../runtime/projection';
import { incidentIdOf } from '../shared/event-facts';

type Category = 'pupil-incident' | 'staff-misconduct' | 'criminal-report' | 'privacy' | 'legal-hold';
/** The statement an event makes against the register's schema (one each: these events are rare). */
type Statement = readonly [sql: string, params: readonly unknown[]];

const SERIOUS_MEASURES = new Set(['dismissal', 'summary-dismissal']);

/**
 * What retention needs (domain spec, Privacy): when each person left, which cases they are in, which of those
 * are serious (a criminal-report decision or a dismissal: kept longer), which are under a legal hold, and who has
 * been erased. Ids and dates only.
 */
export const privacyRegisterProjection: Projection<Category> = {
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
  async apply(manager: EntityManager, events): Promise<void> {
    const schema = `"${manager.connection.driver.schema ?? 'public'}"`;
    // In order, one statement per relevant event.
    for (const event of events) {
      const statement = dispatch(STATEMENTS, event, schema);
      if (statement) await manager.query(statement[0], [...statement[1]]);
    }
  },
};

const holdOf = (placed: boolean) => (event: { readonly data: { readonly incidentId: string } }, schema: string): Statement => [
  `INSERT INTO ${schema}.legal_holds VALUES ($1, $2) ON CONFLICT (incident_id) DO UPDATE SET held = excluded.held`,
  [event.data.incidentId, placed],
];

/** What each event records in the register; the rest of a case's history does not bear on retention. */
const STATEMENTS: EventTable<Category, string, Statement | undefined> = {
  IncidentReported: (event, schema) => [`INSERT INTO ${schema}.case_people SELECT $1, unnest($2::text[]) ON CONFLICT DO NOTHING`, [event.data.incidentId, event.data.involved.map((person) => person.personId)]],
  CriminalReportDecisionOpened: (event, schema) => [`INSERT INTO ${schema}.serious_cases VALUES ($1, 'criminal-report') ON CONFLICT DO NOTHING`, [event.data.sourceIncidentId]],
  DisciplinaryMeasureImposed: (event, schema) =>
    SERIOUS_MEASURES.has(event.data.measure) ? [`INSERT INTO ${schema}.serious_cases VALUES ($1, 'dismissal') ON CONFLICT DO NOTHING`, [incidentIdOf(event.streamId)]] : undefined,
  // Retention: a dismissal procedure keeps the case (7 years) like a summary dismissal (revision 2).
  DismissalProcedureStarted: (event, schema) => [`INSERT INTO ${schema}.serious_cases VALUES ($1, 'dismissal') ON CONFLICT DO NOTHING`, [incidentIdOf(event.streamId)]],
  PersonDeparted: (event, schema) => [
    `INSERT INTO ${schema}.departures VALUES ($1, $2, $3) ON CONFLICT (person_id) DO UPDATE SET person_kind = excluded.person_kind, left_on = excluded.left_on`,
    [event.data.personId, event.data.personKind, event.data.leftOn],
  ],
  LegalHoldPlaced: holdOf(true),
  LegalHoldLifted: holdOf(false),
  PersonDataErased: (event, schema) => [
    `INSERT INTO ${schema}.erasures VALUES ($1, $2, $3) ON CONFLICT (person_id) DO UPDATE SET erased_at = excluded.erased_at, basis = excluded.basis`,
    [event.data.personId, event.metadata.recordedAt, event.data.basis],
  ],
  ScopeAssessed: null,
  EvidenceAdded: null,
  CorrespondenceRecorded: null,
  IncidentClosed: null,
  IncidentReopened: null,
  ObligationWaived: null,
  CaseNumbered: null,
  IncidentReclassified: null,
  MeasureWithdrawn: null,
  // COR1: a person added later is one of the case's people for retention too.
  InvolvedPersonAdded: (event, schema) => [`INSERT INTO ${schema}.case_people SELECT $1, unnest($2::text[]) ON CONFLICT DO NOTHING`, [incidentIdOf(event.streamId), event.data.involved.map((person) => person.personId)]],
  CriminalReportDecisionLinked: null,
  MeasureImposed: null,
  HearingHeld: null,
  InspectorateReported: null,
  RemovalIntended: null,
  RemovalPlacementRecorded: null,
  RemovalObjected: null,
  ObjectionDecided: null,
  ParentsInformed: null,
  StaffConductQualified: null,
  InspectorNotificationQueued: null,
  InspectorCalled: null,
  ManagerConsulted: null,
  DisciplinaryIntentionAnnounced: null,
  DismissalProcedureConcluded: null,
  CriminalReportDecided: null,
  PoliceReportFiled: null,
  StatutoryNoticeGiven: null,
};

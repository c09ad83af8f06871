import type { EntityManager } from 'typeorm';
import { type EventTable, type Projection, dispatch } from '../runtime/projection';
import { idIn } from '@casebook/event-store';
import { incidentIdOf } from '../shared/event-facts';

type Category = 'pupil-incident' | 'staff-misconduct' | 'criminal-report' | 'privacy' | 'legal-hold' | 'directory-person';
/** The statement an event makes against the register's schema (one each: these events are rare). */
type Statement = readonly [sql: string, params: readonly unknown[]];

const SERIOUS_MEASURES = new Set(['dismissal', 'summary-dismissal']);

/**
 * What retention needs (domain spec, Privacy, revision 2): when each pupil or staff member left; which cases each
 * person is in and in what role; which cases are serious (a police report was filed, or a dismissal procedure or a
 * dismissal: the perpetrator is kept 7 years — an opened or `do-not-report` decision is not serious); when each
 * case was closed (parents and others are kept from their last case's closing); holds; erasures. Ids and dates only.
 */
export const privacyRegisterProjection: Projection<Category> = {
  name: 'privacy-register',
  categories: ['pupil-incident', 'staff-misconduct', 'criminal-report', 'privacy', 'legal-hold', 'directory-person'],
  entities: [],
  ddl: (schema) => `
CREATE TABLE ${schema}.departures (person_id text PRIMARY KEY, person_kind text NOT NULL, left_on date NOT NULL);
CREATE TABLE ${schema}.case_people (incident_id text NOT NULL, person_id text NOT NULL, person_kind text NOT NULL, role text NOT NULL, PRIMARY KEY (incident_id, person_id));
CREATE INDEX ON ${schema}.case_people (person_id);
CREATE TABLE ${schema}.serious_cases (incident_id text PRIMARY KEY, basis text NOT NULL);
CREATE TABLE ${schema}.criminal_reports (decision_id text PRIMARY KEY, incident_id text NOT NULL);
CREATE TABLE ${schema}.case_closures (incident_id text PRIMARY KEY, closed_on date);
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

const peopleOf = (
  incidentId: string | null,
  involved: readonly { readonly personId: string; readonly personKind: string; readonly role: string }[],
  schema: string,
): Statement => [
  `INSERT INTO ${schema}.case_people SELECT $1, unnest($2::text[]), unnest($3::text[]), unnest($4::text[]) ON CONFLICT DO NOTHING`,
  [incidentId, involved.map((person) => person.personId), involved.map((person) => person.personKind), involved.map((person) => person.role)],
];

const closure = (incidentId: string | null, closedAt: string | null, schema: string): Statement => [
  // The closing day in the board's time zone: retention counts calendar days as the school sees them.
  `INSERT INTO ${schema}.case_closures VALUES ($1, ($2::timestamptz AT TIME ZONE 'Europe/Amsterdam')::date) ON CONFLICT (incident_id) DO UPDATE SET closed_on = excluded.closed_on`,
  [incidentId, closedAt],
];

const holdOf =
  (placed: boolean) =>
  (event: { readonly data: { readonly incidentId: string } }, schema: string): Statement => [
    `INSERT INTO ${schema}.legal_holds VALUES ($1, $2) ON CONFLICT (incident_id) DO UPDATE SET held = excluded.held`,
    [event.data.incidentId, placed],
  ];

/** What each event records in the register; the rest of a case's history does not bear on retention. */
const STATEMENTS: EventTable<Category, string, Statement | undefined> = {
  IncidentReported: (event, schema) => peopleOf(event.data.incidentId, event.data.involved, schema),
  // Revision 2: a decision alone does not lengthen retention; the police report filed under it does.
  CriminalReportDecisionOpened: (event, schema) => [
    `INSERT INTO ${schema}.criminal_reports VALUES ($1, $2) ON CONFLICT DO NOTHING`,
    [event.data.decisionId, event.data.sourceIncidentId],
  ],
  PoliceReportFiled: (event, schema) => [
    `INSERT INTO ${schema}.serious_cases SELECT incident_id, 'police-report' FROM ${schema}.criminal_reports WHERE decision_id = $1 ON CONFLICT DO NOTHING`,
    [idIn('criminal-report', event.streamId)],
  ],
  DisciplinaryMeasureImposed: (event, schema) =>
    SERIOUS_MEASURES.has(event.data.measure)
      ? [`INSERT INTO ${schema}.serious_cases VALUES ($1, 'dismissal') ON CONFLICT DO NOTHING`, [incidentIdOf(event.streamId)]]
      : undefined,
  // Retention: a dismissal procedure keeps the case (7 years) like a summary dismissal (revision 2).
  DismissalProcedureStarted: (event, schema) => [
    `INSERT INTO ${schema}.serious_cases VALUES ($1, 'dismissal') ON CONFLICT DO NOTHING`,
    [incidentIdOf(event.streamId)],
  ],
  PersonDeparted: (event, schema) => [
    `INSERT INTO ${schema}.departures VALUES ($1, $2, $3) ON CONFLICT (person_id) DO UPDATE SET person_kind = excluded.person_kind, left_on = excluded.left_on`,
    [event.data.personId, event.data.personKind, event.data.leftOn],
  ],
  // DIR3: a leaving date from the directory starts the clock like a departure recorded by hand (the later one wins).
  PersonLeft: (event, schema) =>
    event.data.kind === 'parent'
      ? undefined
      : [
          `INSERT INTO ${schema}.departures VALUES ($1, $2, $3) ON CONFLICT (person_id) DO UPDATE SET person_kind = excluded.person_kind, left_on = excluded.left_on`,
          [event.data.personId, event.data.kind, event.data.leftOn],
        ],
  PersonRegistered: null,
  PersonChanged: null,
  LegalHoldPlaced: holdOf(true),
  LegalHoldLifted: holdOf(false),
  PersonDataErased: (event, schema) => [
    `INSERT INTO ${schema}.erasures VALUES ($1, $2, $3) ON CONFLICT (person_id) DO UPDATE SET erased_at = excluded.erased_at, basis = excluded.basis`,
    [event.data.personId, event.metadata.recordedAt, event.data.basis],
  ],
  ScopeAssessed: null,
  EvidenceAdded: null,
  CorrespondenceRecorded: null,
  IncidentClosed: (event, schema) => closure(incidentIdOf(event.streamId), event.metadata.recordedAt, schema),
  IncidentReopened: (event, schema) => closure(incidentIdOf(event.streamId), null, schema),
  ObligationWaived: null,
  CaseNumbered: null,
  CaseAssigned: null,
  IncidentReclassified: null,
  MeasureWithdrawn: null,
  // COR1: a person added later is one of the case's people for retention too.
  InvolvedPersonAdded: (event, schema) => peopleOf(incidentIdOf(event.streamId), event.data.involved, schema),
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
  StatutoryNoticeGiven: null,
};

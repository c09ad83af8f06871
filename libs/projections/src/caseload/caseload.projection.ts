import type { EntityManager } from 'typeorm';
import { idIn } from '@casebook/event-store';
import { bulkInsert } from '../runtime/bulk-insert';
import { type EventTable, type Projection, dispatch } from '../runtime/projection';
import { incidentIdOf } from '../shared/event-facts';
import { dueEarlierUpdate, obligationChangesOf } from '../shared/obligation-changes';
import { CaseloadCaseRow, CaseloadDecisionRow, CaseloadMeasureRow, CaseloadObligationRow, CaseloadPersonRow } from './caseload.entities';

type Category = 'pupil-incident' | 'staff-misconduct' | 'criminal-report' | 'pupil-conduct';
type CaseChange = Partial<Pick<CaseloadCaseRow, 'caseNumber' | 'category' | 'status' | 'ownerId' | 'scopeAssessed' | 'qualified'>>;
const COLUMNS: Readonly<Record<keyof CaseChange, string>> = {
  caseNumber: 'case_number',
  category: 'category',
  status: 'status',
  ownerId: 'owner_id',
  scopeAssessed: 'scope_assessed',
  qualified: 'qualified',
};

/**
 * What one batch does to the caseload: rows to insert, and changes to cases — applied to a row inserted in the same
 * batch in memory, else by one UPDATE each, in the order of history (inserts first: a change always follows the
 * event that made its row).
 */
class Batch {
  readonly cases = new Map<string, CaseloadCaseRow>();
  readonly people: CaseloadPersonRow[] = [];
  readonly measures: CaseloadMeasureRow[] = [];
  readonly decisions: CaseloadDecisionRow[] = [];
  readonly updates: [sql: string, params: unknown[]][] = [];
  readonly lastChanged = new Map<string, string>();

  change(incidentId: string | null, change: CaseChange, schema: string): void {
    if (!incidentId) return;
    const inserted = this.cases.get(incidentId);
    if (inserted) {
      Object.assign(inserted, change);
      return;
    }
    const keys = Object.keys(change) as (keyof CaseChange)[];
    this.updates.push([
      `UPDATE ${schema}.cases SET ${keys.map((key, i) => `${COLUMNS[key]} = $${i + 2}`).join(', ')} WHERE incident_id = $1`,
      [incidentId, ...keys.map((key) => change[key])],
    ]);
  }

  update(sql: string, params: unknown[]): void {
    this.updates.push([sql, params]);
  }

  person(incidentId: string | null, personId: string, role: string): void {
    if (incidentId) this.people.push({ incidentId, personId, role });
  }
}

interface Place {
  readonly schema: string;
  readonly batch: Batch;
}

/**
 * The caseload (domain.md "caseload", api.md "Caseload and work"): every case with its number, kind, school,
 * category, status, owner, reported and last-changed moments; who it is about (filters, CI1); its obligations
 * (open and overdue counts, by the same reading as the obligations list); its measures (statistics); the board's
 * open decisions (work queue). Ids, codes and moments only. The list's indexes are part of the tables' DDL: a
 * change to them rebuilds the read model at start (decision #80).
 */
export const caseloadProjection: Projection<Category> = {
  name: 'caseload',
  categories: ['pupil-incident', 'staff-misconduct', 'criminal-report', 'pupil-conduct'],
  entities: [CaseloadCaseRow, CaseloadPersonRow, CaseloadObligationRow, CaseloadMeasureRow, CaseloadDecisionRow],
  ddl: (schema) => `
CREATE TABLE ${schema}.cases (
  incident_id text PRIMARY KEY, case_number text, kind text NOT NULL, school_id text NOT NULL, category text NOT NULL,
  status text NOT NULL, owner_id text, reported_by text NOT NULL, reported_at timestamptz NOT NULL,
  last_changed_at timestamptz NOT NULL, scope_assessed boolean NOT NULL, qualified boolean NOT NULL
);
-- The list is newest first, filtered by school, kind, category, status or owner: one index per way in, each
-- ending in the page order so a first page reads only its rows.
CREATE INDEX caseload_newest ON ${schema}.cases (reported_at DESC, incident_id DESC);
CREATE INDEX caseload_school ON ${schema}.cases (school_id, reported_at DESC, incident_id DESC);
CREATE INDEX caseload_kind ON ${schema}.cases (kind, reported_at DESC, incident_id DESC);
CREATE INDEX caseload_category ON ${schema}.cases (category, reported_at DESC, incident_id DESC);
CREATE INDEX caseload_status ON ${schema}.cases (status, reported_at DESC, incident_id DESC);
CREATE INDEX caseload_owner ON ${schema}.cases (owner_id, reported_at DESC) WHERE owner_id IS NOT NULL;
CREATE INDEX caseload_reporter ON ${schema}.cases (reported_by, reported_at DESC);
CREATE UNIQUE INDEX caseload_number ON ${schema}.cases (case_number) WHERE case_number IS NOT NULL;
CREATE TABLE ${schema}.case_people (incident_id text NOT NULL, person_id text NOT NULL, role text NOT NULL, PRIMARY KEY (incident_id, person_id, role));
CREATE INDEX caseload_person ON ${schema}.case_people (person_id);
CREATE TABLE ${schema}.case_obligations (
  obligation_id text PRIMARY KEY, incident_id text NOT NULL, kind text NOT NULL, due_at timestamptz NOT NULL, closed_at timestamptz
);
CREATE INDEX caseload_open_obligations ON ${schema}.case_obligations (incident_id, due_at) WHERE closed_at IS NULL;
CREATE TABLE ${schema}.case_measures (measure_id text PRIMARY KEY, incident_id text NOT NULL, measure text NOT NULL, imposed_at timestamptz NOT NULL, withdrawn boolean NOT NULL);
CREATE INDEX caseload_measures ON ${schema}.case_measures (incident_id);
CREATE TABLE ${schema}.pending_decisions (
  decision_id text PRIMARY KEY, kind text NOT NULL, incident_id text NOT NULL, subject_id text, opened_at timestamptz NOT NULL, decided boolean NOT NULL
);
CREATE INDEX caseload_pending_decisions ON ${schema}.pending_decisions (opened_at) WHERE NOT decided;`,
  async apply(manager: EntityManager, events): Promise<void> {
    const schema = `"${manager.connection.driver.schema ?? 'public'}"`;
    const batch = new Batch();
    for (const event of events) {
      const incidentId = incidentIdOf(event.streamId);
      if (incidentId) {
        const at = event.metadata.recordedAt;
        const seen = batch.lastChanged.get(incidentId);
        if (!seen || seen < at) batch.lastChanged.set(incidentId, at);
      }
      dispatch(CHANGES, event, { schema, batch });
    }
    const obligations = obligationChangesOf(events);
    const rows: CaseloadObligationRow[] = obligations.opened.flatMap((o) =>
      o.incidentId ? [{ obligationId: o.obligationId, incidentId: o.incidentId, kind: o.kind, dueAt: o.dueAt, closedAt: null }] : [],
    );
    await bulkInsert(manager, CaseloadCaseRow, [...batch.cases.values()], { ignoreConflicts: true });
    await bulkInsert(manager, CaseloadPersonRow, batch.people, { ignoreConflicts: true });
    await bulkInsert(manager, CaseloadMeasureRow, batch.measures, { ignoreConflicts: true });
    await bulkInsert(manager, CaseloadDecisionRow, batch.decisions, { ignoreConflicts: true });
    await bulkInsert(manager, CaseloadObligationRow, rows, { ignoreConflicts: true });
    for (const [sql, params] of batch.updates) await manager.query(sql, params);
    if (obligations.dueEarlier.size) await manager.query(...dueEarlierUpdate(`${schema}.case_obligations`, obligations.dueEarlier));
    if (obligations.closed.size) {
      await manager.query(
        `UPDATE ${schema}.case_obligations o SET closed_at = c.closed_at FROM unnest($1::text[], $2::timestamptz[]) AS c(obligation_id, closed_at)
          WHERE o.obligation_id = c.obligation_id AND o.closed_at IS NULL`,
        [[...obligations.closed.keys()], [...obligations.closed.values()]],
      );
    }
    if (batch.lastChanged.size) {
      await manager.query(
        `UPDATE ${schema}.cases c SET last_changed_at = greatest(c.last_changed_at, l.at) FROM unnest($1::text[], $2::timestamptz[]) AS l(incident_id, at) WHERE c.incident_id = l.incident_id`,
        [[...batch.lastChanged.keys()], [...batch.lastChanged.values()]],
      );
    }
  },
};

const caseOf = (event: { readonly streamId: string }) => incidentIdOf(event.streamId);

/** What each event changes in the caseload; the rest of a case's history does not show in the list. */
const CHANGES: EventTable<Category, Place, void> = {
  IncidentReported: ({ data, metadata }, { batch }) => {
    const reportedAt = new Date(metadata.recordedAt);
    batch.cases.set(data.incidentId, {
      incidentId: data.incidentId,
      caseNumber: null,
      kind: data.kind,
      schoolId: data.schoolId,
      category: data.category,
      status: 'open',
      ownerId: null,
      reportedBy: data.reportedBy,
      reportedAt,
      lastChangedAt: reportedAt,
      scopeAssessed: false,
      qualified: false,
    });
    for (const person of data.involved) batch.person(data.incidentId, person.personId, person.role);
  },
  CaseNumbered: (event, { schema, batch }) => batch.change(caseOf(event), { caseNumber: event.data.caseNumber }, schema),
  IncidentReclassified: (event, { schema, batch }) => batch.change(caseOf(event), { category: event.data.to }, schema),
  IncidentClosed: (event, { schema, batch }) => batch.change(caseOf(event), { status: 'closed' }, schema),
  IncidentReopened: (event, { schema, batch }) => batch.change(caseOf(event), { status: 'open' }, schema),
  CaseAssigned: (event, { schema, batch }) => batch.change(caseOf(event), { ownerId: event.data.ownerId }, schema),
  ScopeAssessed: (event, { schema, batch }) => batch.change(caseOf(event), { scopeAssessed: true }, schema),
  StaffConductQualified: (event, { schema, batch }) => batch.change(caseOf(event), { qualified: true }, schema),
  InvolvedPersonAdded: (event, { batch }) => {
    for (const person of event.data.involved) batch.person(caseOf(event), person.personId, person.role);
  },
  HearingHeld: (event, { batch }) => batch.person(caseOf(event), event.data.heardPersonId, 'heard'),
  MeasureImposed: (event, { schema, batch }) => {
    const incidentId = caseOf(event);
    if (!incidentId) return;
    batch.measures.push({
      measureId: event.data.measureId,
      incidentId,
      measure: event.data.measure,
      imposedAt: new Date(event.metadata.recordedAt),
      withdrawn: false,
    });
    // P6: the removal decides the board's intention to remove this pupil.
    if (event.data.measure === 'removal') {
      batch.update(`UPDATE ${schema}.pending_decisions SET decided = true WHERE kind = 'removal' AND incident_id = $1 AND subject_id = $2`, [
        incidentId,
        event.data.subjectId,
      ]);
      for (const pending of batch.decisions)
        if (pending.kind === 'removal' && pending.incidentId === incidentId && pending.subjectId === event.data.subjectId) pending.decided = true;
    }
  },
  DisciplinaryMeasureImposed: (event, { batch }) => {
    const incidentId = caseOf(event);
    if (incidentId)
      batch.measures.push({
        measureId: event.data.measureId,
        incidentId,
        measure: event.data.measure,
        imposedAt: new Date(event.metadata.recordedAt),
        withdrawn: false,
      });
  },
  MeasureWithdrawn: (event, { schema, batch }) => {
    const pending = batch.measures.find((m) => m.measureId === event.data.withdrawnId);
    if (pending) pending.withdrawn = true;
    else batch.update(`UPDATE ${schema}.case_measures SET withdrawn = true WHERE measure_id = $1`, [event.data.withdrawnId]);
  },
  RemovalIntended: (event, { batch }) => {
    const incidentId = caseOf(event);
    if (incidentId)
      batch.decisions.push({
        decisionId: event.data.intentionId,
        kind: 'removal',
        incidentId,
        subjectId: event.data.subjectId,
        openedAt: new Date(event.metadata.recordedAt),
        decided: false,
      });
  },
  CriminalReportDecisionOpened: ({ data, metadata }, { batch }) => {
    batch.decisions.push({
      decisionId: data.decisionId,
      kind: 'criminal-report',
      incidentId: data.sourceIncidentId,
      subjectId: null,
      openedAt: new Date(metadata.recordedAt),
      decided: false,
    });
  },
  CriminalReportDecided: (event, { schema, batch }) => {
    const decisionId = idIn('criminal-report', event.streamId);
    const pending = batch.decisions.find((d) => d.decisionId === decisionId);
    if (pending) pending.decided = true;
    else batch.update(`UPDATE ${schema}.pending_decisions SET decided = true WHERE decision_id = $1`, [decisionId]);
  },
  EvidenceAdded: null,
  CorrespondenceRecorded: null,
  ObligationWaived: null,
  CriminalReportDecisionLinked: null,
  ParentsInformed: null,
  InspectorateReported: null,
  RemovalPlacementRecorded: null,
  RemovalObjected: null,
  ObjectionDecided: null,
  InspectorNotificationQueued: null,
  InspectorCalled: null,
  ManagerConsulted: null,
  DisciplinaryIntentionAnnounced: null,
  DismissalProcedureStarted: null,
  DismissalProcedureConcluded: null,
  PoliceReportFiled: null,
  StatutoryNoticeGiven: null,
  DeviceTakenIntoCustody: null,
  DeviceReturned: null,
  DeviceReturnOverdue: null,
  EmailAccountSuspended: null,
  EmailUseWarned: null,
  SuspensionBooked: null,
  SuspensionBookingReleased: null,
};

import { idIn } from '@casebook/event-store';
import { type RecordedEventOf, worksAtSchool } from '@casebook/incidents';
import { type EntityManager, In } from 'typeorm';
import { bulkInsert } from '../runtime/bulk-insert';
import { type EventTable, type Projection, dispatch } from '../runtime/projection';
import { incidentIdOf } from '../shared/event-facts';
import { PersonnelFileCaseRow, PersonnelFileEntryRow } from './personnel-file.entities';

type Entry = Omit<PersonnelFileEntryRow, 'seq'>;
type Category = 'staff-misconduct' | 'staff-record';
type Event = RecordedEventOf<Category>;

/** The staff members each case of the batch is about, and the new ones to write. */
interface Filing {
  readonly subjects: Map<string, string[]>;
  readonly newCases: PersonnelFileCaseRow[];
}

/** The personnel file (F1, S8–S10, B1): misconduct cases, qualifications, measures, correspondence, consultations, inspector calls. */
export const personnelFileProjection: Projection<Category> = {
  name: 'personnel-file',
  // S10: a staff member's own record too (manager consultations without a case).
  categories: ['staff-misconduct', 'staff-record'],
  entities: [PersonnelFileEntryRow, PersonnelFileCaseRow],
  ddl: (schema) => `
CREATE TABLE ${schema}.personnel_file_entries (
  staff_id text NOT NULL, position bigint NOT NULL, seq integer NOT NULL, school_id text, kind text NOT NULL,
  incident_id text, occurred_at timestamptz NOT NULL, recorded_at timestamptz NOT NULL, data jsonb NOT NULL,
  PRIMARY KEY (staff_id, position, seq)
);
CREATE TABLE ${schema}.personnel_file_cases (incident_id text NOT NULL, staff_id text NOT NULL, PRIMARY KEY (incident_id, staff_id));`,
  // Set-based per batch: the case subjects the batch needs in one query; new subjects and entries in one write each.
  async apply(manager: EntityManager, events): Promise<void> {
    const wanted = new Set(
      events
        .filter((e) => e.type !== 'IncidentReported')
        .map((e) => incidentIdOf(e.streamId))
        .filter((id): id is string => id !== null),
    );
    const subjects = new Map<string, string[]>();
    if (wanted.size) {
      for (const row of await manager.find(PersonnelFileCaseRow, { where: { incidentId: In([...wanted]) } }))
        subjects.set(row.incidentId, [...(subjects.get(row.incidentId) ?? []), row.staffId]);
    }
    const filing: Filing = { subjects, newCases: [] };
    const entries: PersonnelFileEntryRow[] = [];
    for (const event of events) (dispatch(ENTRIES, event, filing) ?? []).forEach((entry, seq) => entries.push({ ...entry, seq }));
    await bulkInsert(manager, PersonnelFileCaseRow, filing.newCases, { ignoreConflicts: true });
    await bulkInsert(manager, PersonnelFileEntryRow, entries);
  },
};

function entry(event: Event, staffId: string, kind: string, facts: object, occurredAt = event.metadata.occurredAt): Entry {
  return {
    staffId,
    position: String(event.globalPosition),
    schoolId: event.metadata.schoolId,
    kind,
    incidentId: incidentIdOf(event.streamId),
    occurredAt: new Date(occurredAt),
    recordedAt: new Date(event.metadata.recordedAt),
    data: facts as Record<string, unknown>,
  };
}

/** The staff members the case is about (its perpetrators, F1). */
const ofCase = (event: Event, filing: Filing): string[] => {
  const incidentId = incidentIdOf(event.streamId);
  return incidentId ? (filing.subjects.get(incidentId) ?? []) : [];
};

/** The entries each event adds to the personnel files of the case's staff members (F1, S8–S10, B1). */
const ENTRIES: EventTable<Category, Filing, Entry[]> = {
  IncidentReported: (event, filing) => {
    // F1, B3 (#32): a volunteer's case is kept in their personnel file, as a staff member's.
    const staff = event.data.involved.filter((p) => worksAtSchool(p.personKind) && p.role === 'perpetrator');
    const incidentId = incidentIdOf(event.streamId);
    if (incidentId) {
      filing.subjects.set(
        incidentId,
        staff.map((p) => p.personId),
      );
      filing.newCases.push(...staff.map((p) => ({ incidentId, staffId: p.personId })));
    }
    return staff.map((p) => entry(event, p.personId, 'misconduct-case', { category: event.data.category, role: p.role }, event.data.occurredAt));
  },
  StaffConductQualified: (event, filing) => ofCase(event, filing).map((staffId) => entry(event, staffId, 'qualification', event.data)),
  DisciplinaryMeasureImposed: (event) => [entry(event, event.data.subjectId, 'disciplinary-measure', event.data)],
  // S12, S13: the staff member's own file shows the intention, the hearing, and the dismissal procedure.
  DisciplinaryIntentionAnnounced: (event) => [entry(event, event.data.subjectId, 'disciplinary-intention', event.data, event.data.announcedAt)],
  HearingHeld: (event) => (event.data.heardPersonKind === 'staff' ? [entry(event, event.data.heardPersonId, 'hearing', event.data, event.data.heardAt)] : []),
  DismissalProcedureStarted: (event) => [entry(event, event.data.subjectId, 'dismissal-procedure-started', event.data, event.data.startedAt)],
  DismissalProcedureConcluded: (event) => [entry(event, event.data.subjectId, 'dismissal-procedure-concluded', event.data, event.data.decidedAt)],
  CorrespondenceRecorded: (event) => {
    const { filedIn, ...letter } = event.data;
    if (filedIn.file !== 'personnel-file') return [];
    return filedIn.personIds.map((staffId) => entry(event, staffId, 'correspondence', letter, event.data.occurredAt));
  },
  ManagerConsulted: (event, filing) => {
    // S10: on the staff member's own record, or inside a case (then the case's staff members).
    const own = idIn('staff-record', event.streamId);
    return (own ? [own] : ofCase(event, filing)).map((staffId) => entry(event, staffId, 'manager-consultation', event.data, event.data.consultedAt));
  },
  InspectorNotificationQueued: (event, filing) => ofCase(event, filing).map((staffId) => entry(event, staffId, 'inspector-notification-queued', event.data)),
  InspectorCalled: (event, filing) => {
    const { closesObligationIds: _closed, ...call } = event.data;
    return ofCase(event, filing).map((staffId) => entry(event, staffId, 'inspector-report', call, event.data.calledAt));
  },
  IncidentClosed: (event, filing) => ofCase(event, filing).map((staffId) => entry(event, staffId, 'case-closed', event.data)),
  // Read and left out: the case page shows them.
  ScopeAssessed: null,
  EvidenceAdded: null,
  IncidentReopened: null,
  ObligationWaived: null,
  CaseNumbered: null,
  CaseAssigned: null,
  IncidentReclassified: null,
  // COR1: a staff perpetrator added later is filed like one reported; a withdrawn measure shows in the case's files.
  InvolvedPersonAdded: (event, filing) => {
    // F1, B3 (#32): a volunteer's case is kept in their personnel file, as a staff member's.
    const staff = event.data.involved.filter((p) => worksAtSchool(p.personKind) && p.role === 'perpetrator');
    const incidentId = incidentIdOf(event.streamId);
    if (incidentId && staff.length) {
      filing.subjects.set(incidentId, [...(filing.subjects.get(incidentId) ?? []), ...staff.map((p) => p.personId)]);
      filing.newCases.push(...staff.map((p) => ({ incidentId, staffId: p.personId })));
    }
    return staff.map((p) => entry(event, p.personId, 'misconduct-case', { role: p.role }));
  },
  MeasureWithdrawn: (event, filing) => ofCase(event, filing).map((staffId) => entry(event, staffId, 'measure-withdrawn', event.data)),
  CriminalReportDecisionLinked: null,
};

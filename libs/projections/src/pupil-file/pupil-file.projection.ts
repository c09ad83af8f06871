import type { RecordedEventOf } from '@casebook/incidents';
import { type EntityManager, In } from 'typeorm';
import { bulkInsert } from '../runtime/bulk-insert';
import { type EventTable, type Projection, dispatch } from '../runtime/projection';
import { conductPupilOf, incidentIdOf } from '../shared/event-facts';
import { PupilFileEntryRow, PupilFileLinkRow } from './pupil-file.entities';

type Category = 'pupil-incident' | 'staff-misconduct' | 'pupil-conduct';
type Entry = Omit<PupilFileEntryRow, 'seq'>;
type Links = Map<string, string[]>;

/** What an entry needs besides the event: the links known so far, and a place to add new ones. */
interface Filing {
  readonly links: Links;
  readonly newLinks: PupilFileLinkRow[];
}

/** The pupil file (F2, P1–P2, M1–M6, E1–E3): per pupil, everything the school recorded about them, in order. */
export const pupilFileProjection: Projection<Category> = {
  name: 'pupil-file',
  categories: ['pupil-incident', 'staff-misconduct', 'pupil-conduct'],
  entities: [PupilFileEntryRow, PupilFileLinkRow],
  ddl: (schema) => `
CREATE TABLE ${schema}.pupil_file_entries (
  pupil_id text NOT NULL, position bigint NOT NULL, seq integer NOT NULL, school_id text, kind text NOT NULL,
  incident_id text, occurred_at timestamptz NOT NULL, recorded_at timestamptz NOT NULL, data jsonb NOT NULL,
  PRIMARY KEY (pupil_id, position, seq)
);
CREATE TABLE ${schema}.pupil_file_links (ref_id text NOT NULL, pupil_id text NOT NULL, PRIMARY KEY (ref_id, pupil_id));`,
  // Set-based per batch: the links a batch needs are read in one query, new links and entries written in one each.
  async apply(manager: EntityManager, events): Promise<void> {
    const filing: Filing = { links: await knownLinks(manager, events), newLinks: [] };
    const entries: PupilFileEntryRow[] = [];
    for (const event of events) (dispatch(ENTRIES, event, filing) ?? []).forEach((entry, seq) => entries.push({ ...entry, seq }));
    await bulkInsert(manager, PupilFileLinkRow, filing.newLinks, { ignoreConflicts: true });
    await bulkInsert(manager, PupilFileEntryRow, entries);
  },
};

/** The pupils of the cases and measures this batch refers to but did not itself create. */
async function knownLinks(manager: EntityManager, events: readonly RecordedEventOf<Category>[]): Promise<Links> {
  const wanted = new Set<string>();
  for (const event of events) {
    const incidentId = incidentIdOf(event.streamId);
    if (event.type === 'ParentsInformed' && incidentId) wanted.add(event.data.regarding);
    if (event.type === 'MeasureWithdrawn') wanted.add(event.data.withdrawnId);
    if ((event.type === 'IncidentClosed' || event.type === 'IncidentReopened') && incidentId) wanted.add(incidentId);
  }
  const links: Links = new Map();
  if (!wanted.size) return links;
  for (const row of await manager.find(PupilFileLinkRow, { where: { refId: In([...wanted]) } }))
    links.set(row.refId, [...(links.get(row.refId) ?? []), row.pupilId]);
  return links;
}

/** An entry of one event for one pupil. */
function entry(event: RecordedEventOf<Category>, pupilId: string, kind: string, facts: object, occurredAt = event.metadata.occurredAt): Entry {
  const data = event.data as { readonly incidentId?: unknown };
  return {
    pupilId,
    position: String(event.globalPosition),
    schoolId: event.metadata.schoolId,
    kind,
    incidentId: incidentIdOf(event.streamId) ?? (typeof data.incidentId === 'string' ? data.incidentId : null),
    occurredAt: new Date(occurredAt),
    recordedAt: new Date(event.metadata.recordedAt),
    data: facts as Record<string, unknown>,
  };
}

function link(filing: Filing, refId: string, pupilIds: readonly string[]): void {
  filing.links.set(refId, [...(filing.links.get(refId) ?? []), ...pupilIds]);
  filing.newLinks.push(...pupilIds.map((pupilId) => ({ refId, pupilId })));
}

/** The entries each event adds, one per pupil it concerns (F2: only the pupils the case or measure concerns). */
const ENTRIES: EventTable<Category, Filing, Entry[]> = {
  IncidentReported: (event, filing) => {
    const pupils = event.data.involved.filter((p) => p.personKind === 'pupil');
    const incidentId = incidentIdOf(event.streamId);
    if (incidentId)
      link(
        filing,
        incidentId,
        pupils.map((p) => p.personId),
      );
    return pupils.map((p) =>
      entry(event, p.personId, 'incident', { caseKind: event.data.kind, category: event.data.category, role: p.role }, event.data.occurredAt),
    );
  },
  MeasureImposed: (event, filing) => {
    // P7: a measure against a parent belongs to no pupil's file.
    if (event.data.subjectKind === 'parent') return [];
    link(filing, event.data.measureId, [event.data.subjectId]);
    const { obligations: _opened, ...measure } = event.data;
    return [entry(event, event.data.subjectId, 'measure', measure)];
  },
  CorrespondenceRecorded: (event) => {
    const { filedIn, ...letter } = event.data;
    if (filedIn.file !== 'pupil-file') return [];
    return filedIn.personIds.map((pupilId) => entry(event, pupilId, 'correspondence', letter, event.data.occurredAt));
  },
  ParentsInformed: (event, filing) => {
    const conductPupil = conductPupilOf(event.streamId);
    const pupils = conductPupil ? [conductPupil] : (filing.links.get(event.data.regarding) ?? []);
    return pupils.map((pupilId) => entry(event, pupilId, 'parents-informed', event.data, event.data.informedAt));
  },
  DeviceTakenIntoCustody: (event) => {
    const { obligations: _opened, ...custody } = event.data;
    return [entry(event, event.data.pupilId, 'device-custody', custody, event.data.takenAt)];
  },
  DeviceReturned: (event) => [entry(event, conductPupilOf(event.streamId)!, 'device-returned', event.data, event.data.returnedAt)],
  EmailAccountSuspended: (event) => {
    const { obligations: _opened, ...action } = event.data;
    return [entry(event, event.data.pupilId, 'email-suspended', action)];
  },
  EmailUseWarned: (event) => {
    const { obligations: _opened, ...action } = event.data;
    return [entry(event, event.data.pupilId, 'email-warned', action)];
  },
  IncidentClosed: (event, filing) => closedOrReopened(event, filing, 'incident-closed'),
  IncidentReopened: (event, filing) => closedOrReopened(event, filing, 'incident-reopened'),
  ObligationWaived: null,
  CaseNumbered: null,
  CaseAssigned: null,
  // The suspension is filed from its case's MeasureImposed; the booking is bookkeeping.
  SuspensionBooked: null,
  SuspensionBookingReleased: null,
  // COR1: a pupil added to the case gets it in their file; a withdrawn measure shows as withdrawn where it was filed.
  InvolvedPersonAdded: (event, filing) => {
    const pupils = event.data.involved.filter((p) => p.personKind === 'pupil');
    const incidentId = incidentIdOf(event.streamId);
    if (incidentId)
      link(
        filing,
        incidentId,
        pupils.map((p) => p.personId),
      );
    return pupils.map((p) => entry(event, p.personId, 'incident', { caseKind: 'pupil-incident', role: p.role }));
  },
  MeasureWithdrawn: (event, filing) =>
    (filing.links.get(event.data.withdrawnId) ?? []).map((pupilId) => entry(event, pupilId, 'measure-withdrawn', event.data)),
  IncidentReclassified: null,
  // Read and left out: the case's own matters (the case page shows them), staff-case events, and the overdue mark
  // (the device-return obligation already shows as overdue).
  ScopeAssessed: null,
  EvidenceAdded: null,
  CriminalReportDecisionLinked: null,
  HearingHeld: null,
  InspectorateReported: null,
  StaffConductQualified: null,
  InspectorNotificationQueued: null,
  InspectorCalled: null,
  ManagerConsulted: null,
  // P6: the removal's course, in the removed pupil's file.
  RemovalIntended: (event) => [entry(event, event.data.subjectId, 'removal-intention', event.data)],
  RemovalPlacementRecorded: (event) => [entry(event, event.data.subjectId, 'removal-placement', event.data, event.data.decidedAt)],
  RemovalObjected: (event) => {
    const { obligations: _opened, closesObligationIds: _closed, ...objection } = event.data;
    return [entry(event, event.data.subjectId, 'removal-objection', objection, event.data.receivedAt)];
  },
  ObjectionDecided: (event) => [entry(event, event.data.subjectId, 'objection-decided', event.data)],
  DisciplinaryMeasureImposed: null,
  DisciplinaryIntentionAnnounced: null,
  DismissalProcedureStarted: null,
  DismissalProcedureConcluded: null,
  DeviceReturnOverdue: null,
};

function closedOrReopened(event: RecordedEventOf<Category>, filing: Filing, kind: string): Entry[] {
  const incidentId = incidentIdOf(event.streamId);
  return incidentId ? (filing.links.get(incidentId) ?? []).map((pupilId) => entry(event, pupilId, kind, event.data)) : [];
}

import type { RecordedEvent } from '@casebook/event-store';
import { type EntityManager, In } from 'typeorm';
import { bulkInsert } from '../runtime/bulk-insert';
import type { Projection } from '../runtime/projection';
import { conductPupilOf, dataOf, incidentIdOf, involvedOf } from '../shared/event-facts';
import { PupilFileEntryRow, PupilFileLinkRow } from './pupil-file.entities';

type Entry = Omit<PupilFileEntryRow, 'seq'>;

/** The pupil file (F2, P1–P2, M1–M6, E1–E3): per pupil, everything the school recorded about them, in order. */
export const pupilFileProjection: Projection = {
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
  async apply(manager: EntityManager, events: readonly RecordedEvent[]): Promise<void> {
    const links = await knownLinks(manager, events);
    const newLinks: PupilFileLinkRow[] = [];
    const entries: PupilFileEntryRow[] = [];
    for (const event of events) entriesOf(event, links, newLinks).forEach((entry, seq) => entries.push({ ...entry, seq }));
    await bulkInsert(manager, PupilFileLinkRow, newLinks, { ignoreConflicts: true });
    await bulkInsert(manager, PupilFileEntryRow, entries);
  },
};

type Links = Map<string, string[]>;

/** The pupils of the cases and measures this batch refers to but did not itself create. */
async function knownLinks(manager: EntityManager, events: readonly RecordedEvent[]): Promise<Links> {
  const wanted = new Set<string>();
  for (const event of events) {
    const incidentId = incidentIdOf(event.streamId);
    if (event.type === 'ParentsInformed' && incidentId) wanted.add(String(dataOf(event)['regarding']));
    if ((event.type === 'IncidentClosed' || event.type === 'IncidentReopened') && incidentId) wanted.add(incidentId);
  }
  const links: Links = new Map();
  if (!wanted.size) return links;
  for (const row of await manager.find(PupilFileLinkRow, { where: { refId: In([...wanted]) } })) links.set(row.refId, [...(links.get(row.refId) ?? []), row.pupilId]);
  return links;
}

/** The entries one event adds, one per pupil it concerns; links it creates go to `links` and `newLinks`. */
function entriesOf(event: RecordedEvent, links: Links, newLinks: PupilFileLinkRow[]): Entry[] {
  const data = dataOf(event);
  const incidentId = incidentIdOf(event.streamId);
  const entry = (pupilId: string, kind: string, facts: Record<string, unknown>, occurredAt = event.metadata.occurredAt): Entry => ({
    pupilId,
    position: String(event.globalPosition),
    schoolId: event.metadata.schoolId,
    kind,
    incidentId: incidentId ?? (typeof data['incidentId'] === 'string' ? data['incidentId'] : null),
    occurredAt: new Date(occurredAt),
    recordedAt: new Date(event.metadata.recordedAt),
    data: facts,
  });
  const link = (refId: string, pupilIds: readonly string[]) => {
    links.set(refId, [...(links.get(refId) ?? []), ...pupilIds]);
    newLinks.push(...pupilIds.map((pupilId) => ({ refId, pupilId })));
  };

  switch (event.type) {
    case 'IncidentReported': {
      const pupils = involvedOf(event).filter((p) => p.personKind === 'pupil');
      if (incidentId) link(incidentId, pupils.map((p) => p.personId));
      return pupils.map((p) => entry(p.personId, 'incident', { caseKind: data['kind'], category: data['category'], role: p.role }, String(data['occurredAt'])));
    }
    case 'MeasureImposed': {
      const pupilId = String(data['subjectId']);
      link(String(data['measureId']), [pupilId]);
      const { obligations: _opened, ...measure } = data;
      return [entry(pupilId, 'measure', measure)];
    }
    case 'CorrespondenceRecorded': {
      const filedIn = data['filedIn'] as { file: string; personIds: string[] } | undefined;
      if (filedIn?.file !== 'pupil-file') return [];
      const { filedIn: _where, ...letter } = data;
      return filedIn.personIds.map((pupilId) => entry(pupilId, 'correspondence', letter, String(data['occurredAt'])));
    }
    case 'ParentsInformed': {
      const conductPupil = conductPupilOf(event.streamId);
      const pupils = conductPupil ? [conductPupil] : (links.get(String(data['regarding'])) ?? []);
      return pupils.map((pupilId) => entry(pupilId, 'parents-informed', data, String(data['informedAt'])));
    }
    case 'DeviceTakenIntoCustody': {
      const { obligations: _opened, ...custody } = data;
      return [entry(String(data['pupilId']), 'device-custody', custody, String(data['takenAt']))];
    }
    case 'DeviceReturned':
      return [entry(conductPupilOf(event.streamId)!, 'device-returned', data, String(data['returnedAt']))];
    case 'EmailAccountSuspended':
    case 'EmailUseWarned': {
      const { obligations: _opened, ...action } = data;
      return [entry(String(data['pupilId']), event.type === 'EmailAccountSuspended' ? 'email-suspended' : 'email-warned', action)];
    }
    case 'IncidentClosed':
    case 'IncidentReopened':
      return incidentId ? (links.get(incidentId) ?? []).map((pupilId) => entry(pupilId, event.type === 'IncidentClosed' ? 'incident-closed' : 'incident-reopened', data)) : [];
    default:
      return [];
  }
}

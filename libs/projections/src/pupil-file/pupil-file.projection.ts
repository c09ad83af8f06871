import type { RecordedEvent } from '@casebook/event-store';
import type { EntityManager, QueryDeepPartialEntity } from 'typeorm';
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
  async apply(manager: EntityManager, events: readonly RecordedEvent[]): Promise<void> {
    const entries: PupilFileEntryRow[] = [];
    for (const event of events) {
      const pupils = await entriesOf(manager, event);
      pupils.forEach((entry, seq) => entries.push({ ...entry, seq }));
    }
    if (entries.length) await manager.insert(PupilFileEntryRow, entries as QueryDeepPartialEntity<PupilFileEntryRow>[]);
  },
};

/** The entries one event adds, one per pupil it concerns. Links are written as they are learned. */
async function entriesOf(manager: EntityManager, event: RecordedEvent): Promise<Entry[]> {
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
  const linked = async (refId: string) => (await manager.find(PupilFileLinkRow, { where: { refId } })).map((link) => link.pupilId);

  switch (event.type) {
    case 'IncidentReported': {
      const pupils = involvedOf(event).filter((p) => p.personKind === 'pupil');
      if (pupils.length && incidentId) await manager.insert(PupilFileLinkRow, pupils.map((p) => ({ refId: incidentId, pupilId: p.personId })));
      return pupils.map((p) => entry(p.personId, 'incident', { caseKind: data['kind'], category: data['category'], role: p.role }, String(data['occurredAt'])));
    }
    case 'MeasureImposed': {
      const pupilId = String(data['subjectId']);
      await manager.insert(PupilFileLinkRow, { refId: String(data['measureId']), pupilId });
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
      const pupils = conductPupilOf(event.streamId) ? [conductPupilOf(event.streamId)!] : await linked(String(data['regarding']));
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
      return incidentId ? (await linked(incidentId)).map((pupilId) => entry(pupilId, event.type === 'IncidentClosed' ? 'incident-closed' : 'incident-reopened', data)) : [];
    default:
      return [];
  }
}

import type { RecordedEvent } from '@casebook/event-store';
import { type EntityManager, In } from 'typeorm';
import { bulkInsert } from '../runtime/bulk-insert';
import type { Projection } from '../runtime/projection';
import { dataOf, incidentIdOf, involvedOf } from '../shared/event-facts';
import { PersonnelFileCaseRow, PersonnelFileEntryRow } from './personnel-file.entities';

type Entry = Omit<PersonnelFileEntryRow, 'seq'>;

/** The personnel file (F1, S8–S10, B1): misconduct cases, qualifications, measures, correspondence, consultations, inspector calls. */
export const personnelFileProjection: Projection = {
  name: 'personnel-file',
  categories: ['staff-misconduct'],
  entities: [PersonnelFileEntryRow, PersonnelFileCaseRow],
  ddl: (schema) => `
CREATE TABLE ${schema}.personnel_file_entries (
  staff_id text NOT NULL, position bigint NOT NULL, seq integer NOT NULL, school_id text, kind text NOT NULL,
  incident_id text, occurred_at timestamptz NOT NULL, recorded_at timestamptz NOT NULL, data jsonb NOT NULL,
  PRIMARY KEY (staff_id, position, seq)
);
CREATE TABLE ${schema}.personnel_file_cases (incident_id text NOT NULL, staff_id text NOT NULL, PRIMARY KEY (incident_id, staff_id));`,
  // Set-based per batch: the case subjects the batch needs in one query; new subjects and entries in one write each.
  async apply(manager: EntityManager, events: readonly RecordedEvent[]): Promise<void> {
    const wanted = new Set(events.filter((e) => e.type !== 'IncidentReported').map((e) => incidentIdOf(e.streamId)).filter((id): id is string => id !== null));
    const subjects = new Map<string, string[]>();
    if (wanted.size) {
      for (const row of await manager.find(PersonnelFileCaseRow, { where: { incidentId: In([...wanted]) } })) subjects.set(row.incidentId, [...(subjects.get(row.incidentId) ?? []), row.staffId]);
    }
    const newCases: PersonnelFileCaseRow[] = [];
    const entries: PersonnelFileEntryRow[] = [];
    for (const event of events) entriesOf(event, subjects, newCases).forEach((entry, seq) => entries.push({ ...entry, seq }));
    await bulkInsert(manager, PersonnelFileCaseRow, newCases, { ignoreConflicts: true });
    await bulkInsert(manager, PersonnelFileEntryRow, entries);
  },
};

function entriesOf(event: RecordedEvent, subjects: Map<string, string[]>, newCases: PersonnelFileCaseRow[]): Entry[] {
  const data = dataOf(event);
  const incidentId = incidentIdOf(event.streamId);
  const entry = (staffId: string, kind: string, facts: Record<string, unknown>, occurredAt = event.metadata.occurredAt): Entry => ({
    staffId,
    position: String(event.globalPosition),
    schoolId: event.metadata.schoolId,
    kind,
    incidentId,
    occurredAt: new Date(occurredAt),
    recordedAt: new Date(event.metadata.recordedAt),
    data: facts,
  });
  const ofCase = () => (incidentId ? (subjects.get(incidentId) ?? []) : []);

  switch (event.type) {
    case 'IncidentReported': {
      const staff = involvedOf(event).filter((p) => p.personKind === 'staff' && p.role === 'perpetrator');
      if (incidentId) {
        subjects.set(incidentId, staff.map((p) => p.personId));
        newCases.push(...staff.map((p) => ({ incidentId, staffId: p.personId })));
      }
      return staff.map((p) => entry(p.personId, 'misconduct-case', { category: data['category'], role: p.role }, String(data['occurredAt'])));
    }
    case 'StaffConductQualified':
      return ofCase().map((staffId) => entry(staffId, 'qualification', data));
    case 'DisciplinaryMeasureImposed':
      return [entry(String(data['subjectId']), 'disciplinary-measure', data)];
    case 'CorrespondenceRecorded': {
      const filedIn = data['filedIn'] as { file: string; personIds: string[] } | undefined;
      if (filedIn?.file !== 'personnel-file') return [];
      const { filedIn: _where, ...letter } = data;
      return filedIn.personIds.map((staffId) => entry(staffId, 'correspondence', letter, String(data['occurredAt'])));
    }
    case 'ManagerConsulted':
      return ofCase().map((staffId) => entry(staffId, 'manager-consultation', data, String(data['consultedAt'])));
    case 'InspectorNotificationQueued':
      return ofCase().map((staffId) => entry(staffId, 'inspector-notification-queued', data));
    case 'InspectorCalled': {
      const { closesObligationIds: _closed, ...call } = data;
      return ofCase().map((staffId) => entry(staffId, 'inspector-report', call, String(data['calledAt'])));
    }
    case 'IncidentClosed':
      return ofCase().map((staffId) => entry(staffId, 'case-closed', data));
    default:
      return [];
  }
}

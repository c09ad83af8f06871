import type { DataSource } from 'typeorm';
import { PersonnelFileEntryRow } from './personnel-file.entities';

export interface PersonnelFileView {
  readonly staffId: string;
  readonly cases: readonly Record<string, unknown>[];
  readonly qualifications: readonly Record<string, unknown>[];
  readonly disciplinaryMeasures: readonly Record<string, unknown>[];
  readonly correspondence: readonly Record<string, unknown>[];
  readonly managerConsultations: readonly Record<string, unknown>[];
  readonly inspectorReports: readonly Record<string, unknown>[];
  /** S12: announced intentions and the staff member's hearings; S13: dismissal procedures (started, concluded). */
  readonly disciplinaryIntentions: readonly Record<string, unknown>[];
  readonly hearings: readonly Record<string, unknown>[];
  readonly dismissalProcedures: readonly Record<string, unknown>[];
}

/** `GET /staff/{staffId}/personnel-file` (hr, board, legal): every school. */
export async function findPersonnelFile(source: DataSource, staffId: string): Promise<PersonnelFileView | null> {
  const rows = await source.getRepository(PersonnelFileEntryRow).find({ where: { staffId }, order: { position: 'ASC', seq: 'ASC' } });
  if (!rows.length) return null;
  const of = (...kinds: string[]) =>
    rows
      .filter((row) => kinds.includes(row.kind))
      .map((row) => ({
        ...row.data,
        kind: row.kind,
        schoolId: row.schoolId,
        incidentId: row.incidentId,
        occurredAt: row.occurredAt.toISOString(),
        recordedAt: row.recordedAt.toISOString(),
        position: Number(row.position),
      }));
  return {
    staffId,
    cases: of('misconduct-case', 'case-closed'),
    qualifications: of('qualification'),
    disciplinaryMeasures: of('disciplinary-measure'),
    correspondence: of('correspondence'),
    managerConsultations: of('manager-consultation'),
    inspectorReports: of('inspector-notification-queued', 'inspector-report'),
    disciplinaryIntentions: of('disciplinary-intention'),
    hearings: of('hearing'),
    dismissalProcedures: of('dismissal-procedure-started', 'dismissal-procedure-concluded'),
  };
}

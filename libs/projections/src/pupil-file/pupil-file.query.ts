import { type DataSource, In } from 'typeorm';
import { PupilFileEntryRow } from './pupil-file.entities';

export interface PupilFileLine {
  readonly kind: string;
  readonly schoolId: string | null;
  readonly incidentId: string | null;
  readonly occurredAt: string;
  readonly recordedAt: string;
  readonly position: number;
  readonly [fact: string]: unknown;
}

export interface PupilFileView {
  readonly pupilId: string;
  readonly schools: readonly string[];
  readonly incidents: readonly PupilFileLine[];
  readonly measures: readonly PupilFileLine[];
  readonly deviceCustody: { readonly history: readonly PupilFileLine[]; readonly offencesThisSchoolYear: number; readonly inCustody: readonly string[] };
  readonly emailAccount: { readonly suspendedUntil: string | null; readonly actions: readonly PupilFileLine[] };
  readonly correspondence: readonly PupilFileLine[];
  readonly parentNotifications: readonly PupilFileLine[];
}

/** Which schools hold entries about the pupil (to scope a director before anything is shown). */
export async function pupilFileSchools(source: DataSource, pupilId: string): Promise<string[]> {
  const rows = await source
    .getRepository(PupilFileEntryRow)
    .createQueryBuilder('e')
    .select('DISTINCT e.school_id', 'school')
    .where('e.pupil_id = :pupilId', { pupilId })
    .getRawMany<{ school: string | null }>();
  return rows
    .map((r) => r.school)
    .filter((s): s is string => s !== null)
    .sort();
}

/**
 * `GET /pupils/{pupilId}/file`: `schools` limits the entries to those schools (a director sees its own
 * schools' part of the file); undefined shows all. `schoolYear` is the current one, for the M5 count.
 */
export async function findPupilFile(
  source: DataSource,
  pupilId: string,
  query: { schools?: readonly string[]; schoolYear: number; today: string },
): Promise<PupilFileView | null> {
  const rows = await source.getRepository(PupilFileEntryRow).find({
    where: query.schools ? { pupilId, schoolId: In([...query.schools]) } : { pupilId },
    order: { position: 'ASC', seq: 'ASC' },
  });
  if (!rows.length) return null;
  const lines = rows.map((row): PupilFileLine => ({
    ...row.data,
    kind: row.kind,
    schoolId: row.schoolId,
    incidentId: row.incidentId,
    occurredAt: row.occurredAt.toISOString(),
    recordedAt: row.recordedAt.toISOString(),
    position: Number(row.position),
  }));
  const of = (...kinds: string[]) => lines.filter((line) => kinds.includes(line.kind));
  const custodies = of('device-custody');
  const returned = new Set(of('device-returned').map((line) => String(line['custodyId'])));
  const thisYear = custodies.filter((line) => line['schoolYear'] === query.schoolYear);
  const suspensions = of('email-suspended').map((line) => String(line['until']));
  const suspendedUntil =
    suspensions
      .filter((until) => until >= query.today)
      .sort()
      .at(-1) ?? null;
  return {
    pupilId,
    schools: [...new Set(rows.map((row) => row.schoolId).filter((s): s is string => s !== null))].sort(),
    incidents: of('incident', 'incident-closed', 'incident-reopened'),
    measures: of('measure'),
    deviceCustody: {
      history: of('device-custody', 'device-returned'),
      // M5: the ladder counts per school year; the highest offence number recorded this year.
      offencesThisSchoolYear: thisYear.reduce((max, line) => Math.max(max, Number(line['offenceNumber'] ?? 0)), 0),
      inCustody: custodies.map((line) => String(line['custodyId'])).filter((id) => !returned.has(id)),
    },
    emailAccount: { suspendedUntil, actions: of('email-suspended', 'email-warned') },
    correspondence: of('correspondence'),
    parentNotifications: of('parents-informed'),
  };
}

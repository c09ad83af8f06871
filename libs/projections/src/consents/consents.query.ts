import type { DataSource } from 'typeorm';

const schemaOf = (source: DataSource): string => `"${(source.options as { schema?: string }).schema}"`;

export interface ConsentLine {
  readonly purpose: string;
  readonly schoolId: string;
  readonly status: 'given' | 'refused' | 'withdrawn';
  readonly givenBy: string;
  readonly documentSha256: string | null;
  readonly changedAt: string;
}

/** `GET /pupils/{pupilId}/consents`: each purpose's latest decision; E4: a mailbox only with the parents' consent. */
export async function findPupilConsents(
  source: DataSource,
  pupilId: string,
): Promise<{ pupilId: string; consents: ConsentLine[]; mailboxAllowed: boolean; websitePublicationAllowed: boolean }> {
  const rows = (await source.query(
    `SELECT purpose, school_id, status, given_by, document_sha256, changed_at FROM ${schemaOf(source)}.pupil_consents WHERE pupil_id = $1 ORDER BY purpose`,
    [pupilId],
  )) as { purpose: string; school_id: string; status: ConsentLine['status']; given_by: string; document_sha256: string | null; changed_at: Date | string }[];
  const consents = rows.map((row) => ({
    purpose: row.purpose,
    schoolId: row.school_id,
    status: row.status,
    givenBy: row.given_by,
    documentSha256: row.document_sha256,
    changedAt: new Date(row.changed_at).toISOString(),
  }));
  const given = (purpose: string) => consents.some((line) => line.purpose === purpose && line.status === 'given');
  return { pupilId, consents, mailboxAllowed: given('mailbox'), websitePublicationAllowed: given('website-publication') };
}

/**
 * R2 (revision 2): the pupils of a school who did not consent to publication on the website — refused, withdrew,
 * or were never asked (a pupil the school knows with no decision: `never-asked`, `changedAt` null).
 */
export async function findNonConsenting(source: DataSource, schoolId: string): Promise<{ pupilId: string; status: string; changedAt: string | null }[]> {
  const schema = schemaOf(source);
  const rows = (await source.query(
    `WITH pupils AS (SELECT pupil_id FROM ${schema}.school_pupils WHERE school_id = $1 UNION SELECT pupil_id FROM ${schema}.pupil_consents WHERE school_id = $1)
     SELECT p.pupil_id, coalesce(c.status, 'never-asked') AS status, c.changed_at
       FROM pupils p LEFT JOIN ${schema}.pupil_consents c ON c.pupil_id = p.pupil_id AND c.purpose = 'website-publication'
      WHERE c.status IS DISTINCT FROM 'given' ORDER BY p.pupil_id`,
    [schoolId],
  )) as { pupil_id: string; status: string; changed_at: Date | string | null }[];
  return rows.map((row) => ({ pupilId: row.pupil_id, status: row.status, changedAt: row.changed_at === null ? null : new Date(row.changed_at).toISOString() }));
}

/** R1: a school's recording permissions, newest first. */
export async function findRecordingPermissions(source: DataSource, schoolId: string) {
  const rows = (await source.query(
    `SELECT permission_id, what, granted_to, to_char(valid_from, 'YYYY-MM-DD') AS valid_from, to_char(valid_until, 'YYYY-MM-DD') AS valid_until,
            document_sha256, granted_by, granted_at
       FROM ${schemaOf(source)}.recording_permissions WHERE school_id = $1 ORDER BY valid_from DESC, permission_id`,
    [schoolId],
  )) as {
    permission_id: string;
    what: string;
    granted_to: string;
    valid_from: string;
    valid_until: string | null;
    document_sha256: string;
    granted_by: string;
    granted_at: Date | string;
  }[];
  return rows.map((row) => ({
    permissionId: row.permission_id,
    what: row.what,
    grantedTo: row.granted_to,
    validFrom: row.valid_from,
    validUntil: row.valid_until,
    documentSha256: row.document_sha256,
    grantedBy: row.granted_by,
    grantedAt: new Date(row.granted_at).toISOString(),
  }));
}

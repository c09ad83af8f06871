import type { DataSource } from 'typeorm';

const schemaOf = (source: DataSource): string => `"${(source.options as { schema?: string }).schema}"`;

export interface DirectorySchoolView {
  readonly schoolId: string;
  readonly brin: string;
  readonly name: string;
  readonly holidayRegion: string;
  readonly schoolDayEndsAt: string;
}

export interface DirectoryPersonView {
  readonly personId: string;
  readonly kind: 'staff' | 'pupil' | 'parent';
  /** Sealed as stored: the API opens it for the reader. */
  readonly name: string;
  readonly email: string | null;
  readonly phone: string | null;
  readonly schoolIds: readonly string[];
  readonly roles: readonly { readonly role: string; readonly schoolId: string | null }[];
  readonly group: string | null;
  readonly authorityOver: readonly string[];
  /** Left school or employment (DIR3): kept for the retention period, no longer picked for new work. */
  readonly leftOn: string | null;
}

export async function findSchools(source: DataSource, schoolId?: string): Promise<DirectorySchoolView[]> {
  const rows = (await source.query(
    `SELECT school_id, brin, name, holiday_region, school_day_ends_at FROM ${schemaOf(source)}.schools ${schoolId ? 'WHERE school_id = $1' : ''} ORDER BY school_id`,
    schoolId ? [schoolId] : [],
  )) as { school_id: string; brin: string; name: string; holiday_region: string; school_day_ends_at: string }[];
  return rows.map((row) => ({
    schoolId: row.school_id,
    brin: row.brin,
    name: row.name,
    holidayRegion: row.holiday_region,
    schoolDayEndsAt: row.school_day_ends_at,
  }));
}

/**
 * `GET /directory/people`: people of the given schools (undefined: every school) and kinds, in id order. A name
 * prefix is matched by the caller after opening the names (they are sealed here).
 */
export async function findDirectoryPeople(
  source: DataSource,
  query: { readonly schools?: readonly string[]; readonly kinds?: readonly string[]; readonly personIds?: readonly string[] },
): Promise<DirectoryPersonView[]> {
  const params: unknown[] = [];
  const where = ['true'];
  if (query.personIds) where.push(`person_id = ANY($${params.push([...query.personIds])}::text[])`);
  if (query.schools) where.push(`school_ids && $${params.push([...query.schools])}::text[]`);
  if (query.kinds) where.push(`kind = ANY($${params.push([...query.kinds])}::text[])`);
  const rows = (await source.query(
    `SELECT person_id, kind, name, email, phone, school_ids, roles, group_name, authority_over, to_char(left_on, 'YYYY-MM-DD') AS left_on
       FROM ${schemaOf(source)}.people WHERE ${where.join(' AND ')} ORDER BY person_id`,
    params,
  )) as {
    person_id: string;
    kind: DirectoryPersonView['kind'];
    name: string;
    email: string | null;
    phone: string | null;
    school_ids: string[];
    roles: DirectoryPersonView['roles'] | string;
    group_name: string | null;
    authority_over: string[];
    left_on: string | null;
  }[];
  return rows.map((row) => ({
    personId: row.person_id,
    kind: row.kind,
    name: row.name,
    email: row.email,
    phone: row.phone,
    schoolIds: row.school_ids,
    roles: typeof row.roles === 'string' ? (JSON.parse(row.roles) as DirectoryPersonView['roles']) : row.roles,
    group: row.group_name,
    authorityOver: row.authority_over,
    leftOn: row.left_on,
  }));
}

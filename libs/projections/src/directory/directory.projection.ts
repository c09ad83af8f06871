import type { DirectoryPersonRecord } from '@casebook/incidents';
import type { EntityManager } from 'typeorm';
import { type EventTable, type Projection, dispatch } from '../runtime/projection';

type Category = 'directory-person' | 'directory-school';
type Statement = readonly [sql: string, params: readonly unknown[]];

/** The schools a person belongs to: a pupil's school, a staff member's schools by role. */
function schoolsOf(record: { readonly schoolId: string | null; readonly roles: readonly { readonly schoolId: string | null }[] }): string[] {
  return [...new Set([record.schoolId, ...record.roles.map((role) => role.schoolId)].filter((id): id is string => id !== null))];
}

const upsertPerson = ({ data }: { readonly data: DirectoryPersonRecord }, schema: string): Statement => [
  `INSERT INTO ${schema}.people (person_id, kind, name, email, phone, school_ids, roles, group_name, authority_over, left_on)
   VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, NULL)
   ON CONFLICT (person_id) DO UPDATE SET kind = excluded.kind, name = excluded.name, email = excluded.email, phone = excluded.phone,
     school_ids = excluded.school_ids, roles = excluded.roles, group_name = excluded.group_name, authority_over = excluded.authority_over`,
  [data.personId, data.kind, data.name, data.email, data.phone, schoolsOf(data), JSON.stringify(data.roles), data.group, [...data.authorityOver]],
];

const upsertSchool = (
  event: {
    readonly data: {
      readonly schoolId: string;
      readonly brin: string;
      readonly name: string;
      readonly holidayRegion: string;
      readonly schoolDayEndsAt: string;
    };
  },
  schema: string,
): Statement => [
  `INSERT INTO ${schema}.schools VALUES ($1, $2, $3, $4, $5)
   ON CONFLICT (school_id) DO UPDATE SET brin = excluded.brin, name = excluded.name, holiday_region = excluded.holiday_region, school_day_ends_at = excluded.school_day_ends_at`,
  [event.data.schoolId, event.data.brin, event.data.name, event.data.holidayRegion, event.data.schoolDayEndsAt],
];

/**
 * The directory as people pickers and the console read it (DIR1): schools, and people with their kind, schools,
 * roles, group and parental authority. Names, e-mail and phone stay sealed as stored; the API opens them for the
 * reader (and shows erased people as erased).
 */
export const directoryProjection: Projection<Category> = {
  name: 'directory',
  categories: ['directory-person', 'directory-school'],
  entities: [],
  ddl: (schema) => `
CREATE TABLE ${schema}.schools (school_id text PRIMARY KEY, brin text NOT NULL, name text NOT NULL, holiday_region text NOT NULL, school_day_ends_at text NOT NULL);
CREATE TABLE ${schema}.people (
  person_id text PRIMARY KEY, kind text NOT NULL, name text NOT NULL, email text, phone text, school_ids text[] NOT NULL,
  roles jsonb NOT NULL, group_name text, authority_over text[] NOT NULL, left_on date
);
CREATE INDEX directory_people_schools ON ${schema}.people USING gin (school_ids);
CREATE INDEX directory_people_kind ON ${schema}.people (kind, person_id);`,
  async apply(manager: EntityManager, events): Promise<void> {
    const schema = `"${manager.connection.driver.schema ?? 'public'}"`;
    for (const event of events) {
      const statement = dispatch(STATEMENTS, event, schema);
      if (statement) await manager.query(statement[0], [...statement[1]]);
    }
  },
};

const STATEMENTS: EventTable<Category, string, Statement> = {
  PersonRegistered: upsertPerson,
  PersonChanged: upsertPerson,
  PersonLeft: (event, schema) => [`UPDATE ${schema}.people SET left_on = $2 WHERE person_id = $1`, [event.data.personId, event.data.leftOn]],
  SchoolRegistered: upsertSchool,
  SchoolChanged: upsertSchool,
};

import type { Role } from '../shared/actor';

/** DIR1: who a directory person is. Parents and volunteers, like staff and pupils, are people of the board's administration. */
export type DirectoryPersonKind = 'staff' | 'pupil' | 'parent';

/** A staff member's role at a school (`schoolId` null: a board-wide role — board, HR, legal). */
export interface SchoolRole {
  readonly role: Role;
  readonly schoolId: string | null;
}

/**
 * DIR1: one person as the administration's export describes them. `name`, `email`, `phone` and `dateOfBirth` are
 * personal data, sealed to the person (PERSONAL_DATA); the rest — ids, kinds, schools, roles, dates of enrolment and
 * employment — stays in clear for the rules.
 */
export interface DirectoryPersonRecord {
  readonly personId: string;
  readonly kind: DirectoryPersonKind;
  readonly name: string;
  readonly email: string | null;
  readonly phone: string | null;
  readonly dateOfBirth: string | null;
  /** Pupils: their school and group. */
  readonly schoolId: string | null;
  readonly group: string | null;
  /** Pupils: enrolment; staff: start of employment. */
  readonly startedOn: string | null;
  /** Staff: roles per school. */
  readonly roles: readonly SchoolRole[];
  /** Parents: the pupils over whom they have parental authority (P2, P6, CON1). */
  readonly authorityOver: readonly string[];
}

export interface PersonRegistered {
  readonly type: 'PersonRegistered';
  readonly data: DirectoryPersonRecord;
}

/** DIR2: a later export says something else; the whole record as it now is, and which fields changed. */
export interface PersonChanged {
  readonly type: 'PersonChanged';
  readonly data: DirectoryPersonRecord & { readonly changed: readonly (keyof DirectoryPersonRecord)[] };
}

/** DIR3: a pupil left school or a staff member's employment ended, on `leftOn`: the retention clock starts. */
export interface PersonLeft {
  readonly type: 'PersonLeft';
  readonly data: { readonly personId: string; readonly kind: DirectoryPersonKind; readonly leftOn: string };
}

export type DirectoryPersonEvent = PersonRegistered | PersonChanged | PersonLeft;

/** DIR1: a school of the board (no personal data). */
export interface DirectorySchoolRecord {
  readonly schoolId: string;
  readonly brin: string;
  readonly name: string;
  readonly holidayRegion: 'noord' | 'midden' | 'zuid';
  /** "HH:MM": the end of its school day (M1). */
  readonly schoolDayEndsAt: string;
}

export interface SchoolRegistered {
  readonly type: 'SchoolRegistered';
  readonly data: DirectorySchoolRecord;
}

export interface SchoolChanged {
  readonly type: 'SchoolChanged';
  readonly data: DirectorySchoolRecord & { readonly changed: readonly (keyof DirectorySchoolRecord)[] };
}

export type DirectorySchoolEvent = SchoolRegistered | SchoolChanged;

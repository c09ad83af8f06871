import { type EventStore, streamIds } from '@casebook/event-store';
import { directoryPersonStateOf } from '../domain/directory/directory.decider';
import type { DirectoryPersonRecord } from '../domain/directory/directory.events';
import { type RuleViolation, refuse } from '../domain/shared/rule-violation';
import type { SealedTexts } from './sealed-texts';
import { type Actor, actsForAllSchools } from '../domain/shared/actor';
/**
 * Facts about a pupil that rules need and the directory holds (DIR1): a pupil's date of birth (CON1). The directory
 * answers first; where it does not know the pupil, the rules take what the command says.
 */
export interface PupilFacts {
  /** YYYY-MM-DD, or null when unknown. */
  dateOfBirth(pupilId: string): Promise<string | null>;
  /** The pupil's school (DIR3: whose director records its leaving), or null when unknown. */
  schoolId(pupilId: string): Promise<string | null>;
  /** P6: whether this parent has parental authority over the pupil; null when the directory does not know the parent. */
  hasParentalAuthority(parentId: string, pupilId: string): Promise<boolean | null>;
  /** DIR1: the schools a member of staff holds a role at, and whether one of their roles is board-wide; null when unknown. */
  staffSchools?(staffId: string): Promise<StaffSchools | null>;
}

export interface StaffSchools {
  readonly schoolIds: readonly string[];
  readonly boardWide: boolean;
  /** The schools where they hold the teacher role (P6: whose class teacher they can be). */
  readonly teacherAt: readonly string[];
}

/** Nothing known (the command's own statement, if any, is used): for tests of the rules without a directory. */
export const NO_PUPIL_FACTS: PupilFacts = { dateOfBirth: async () => null, schoolId: async () => null, hasParentalAuthority: async () => null };

/**
 * rule DIR1 (#31): where the directory knows the pupil, the pupil's school is the directory's, whatever the body names.
 * Staff of one school naming their own school in the body once wrote into another school's pupil's custody ladder,
 * e-mail account and consent register: refused (403), nothing written. A pupil the directory does not know keeps the
 * body's school (a board without a directory import).
 */
export async function otherSchoolsPupil(facts: PupilFacts | undefined, pupilId: string, named: string): Promise<RuleViolation | undefined> {
  const known = await (facts ?? NO_PUPIL_FACTS).schoolId(pupilId);
  if (!known || known === named) return undefined;
  return refuse('DIR1', `The directory has ${pupilId} at another school than ${named}: only the pupil's own school acts on the pupil`, 'forbidden');
}

/**
 * rule DIR1 and P3 (#31): a director (or teacher) acts on the pupils of their own schools. A measure in a case of one
 * school once named a pupil the directory places at another, and wrote into that pupil's file and ladder. The board
 * acts for every school. A pupil the directory does not know: the case's school decides, as before.
 */
export async function pupilOutsideActorsSchools(facts: PupilFacts | undefined, pupilId: string, actor: Actor): Promise<RuleViolation | undefined> {
  if (actsForAllSchools(actor)) return undefined;
  const known = await (facts ?? NO_PUPIL_FACTS).schoolId(pupilId);
  if (!known || actor.schools.includes(known)) return undefined;
  return refuse('DIR1', `The directory has ${pupilId} at another school than yours: only the pupil's own school acts on the pupil`, 'forbidden');
}

/**
 * rule DIR1 (#31): a member of staff the directory knows works at the schools of their roles. A director of one
 * school once recorded manager consultations for, and assigned cases to, staff of another. Board-wide staff (board,
 * HR, legal) belong to every school; staff the directory does not know: as before.
 */
export async function staffOutsideSchools(facts: PupilFacts | undefined, staffId: string, schoolIds: readonly string[]): Promise<RuleViolation | undefined> {
  const known = await facts?.staffSchools?.(staffId);
  if (!known || known.boardWide || known.schoolIds.some((schoolId) => schoolIds.includes(schoolId))) return undefined;
  return refuse('DIR1', `The directory has ${staffId} at another school than ${schoolIds.join(', ')}: not theirs to act on`, 'forbidden');
}

/**
 * rule P6 with the directory (#32): the class teacher heard before a removal teaches at the pupil's school. A teacher
 * whose only role was at another school once counted, and the removal went through. Where the directory knows the
 * teacher, they must hold the teacher role at the pupil's school (the directory's, else the case's); where it knows
 * the pupil but not the teacher, the hearing does not count either. Without a directory (neither known): as stated.
 * The staff file has no groups, so a teacher's group cannot be matched to the pupil's yet.
 */
export async function notTheClassTeacher(
  facts: PupilFacts | undefined,
  teacherId: string,
  pupilId: string,
  caseSchoolId: string | undefined,
): Promise<RuleViolation | undefined> {
  const known = await facts?.staffSchools?.(teacherId);
  const pupilSchool = (await (facts ?? NO_PUPIL_FACTS).schoolId(pupilId)) ?? caseSchoolId ?? null;
  if (!known) {
    if (!(await (facts ?? NO_PUPIL_FACTS).schoolId(pupilId))) return undefined;
    return refuse('P6', `${teacherId} is not in the directory as a teacher of ${pupilId}'s school: hear the pupil's own class teacher`);
  }
  if (pupilSchool && known.teacherAt.includes(pupilSchool)) return undefined;
  return refuse('P6', `By the directory, ${teacherId} does not teach at ${pupilId}'s school: hear the pupil's own class teacher`);
}

/**
 * CON1 from the directory (issue #18): the pupil's date of birth as the administration's export gave it, opened from
 * its sealed text (an erased pupil's is gone: unknown). Not a pupil in the directory: unknown.
 */
export class DirectoryPupilFacts implements PupilFacts {
  constructor(
    private readonly store: EventStore,
    private readonly texts: SealedTexts,
  ) {}

  async dateOfBirth(pupilId: string): Promise<string | null> {
    const record = await this.pupil(pupilId);
    if (!record?.dateOfBirth) return null;
    const opened = await this.texts.open(record.dateOfBirth);
    return opened === this.texts.erasedText ? null : opened;
  }

  async schoolId(pupilId: string): Promise<string | null> {
    return (await this.pupil(pupilId))?.schoolId ?? null;
  }

  async hasParentalAuthority(parentId: string, pupilId: string): Promise<boolean | null> {
    const parent = await this.person(parentId, 'parent');
    return parent ? parent.authorityOver.includes(pupilId) : null;
  }

  async staffSchools(staffId: string): Promise<StaffSchools | null> {
    const record = await this.person(staffId, 'staff');
    if (!record) return null;
    return {
      schoolIds: record.roles.flatMap((role) => (role.schoolId ? [role.schoolId] : [])),
      boardWide: record.roles.some((role) => role.schoolId === null),
      teacherAt: record.roles.flatMap((role) => (role.role === 'teacher' && role.schoolId ? [role.schoolId] : [])),
    };
  }

  private pupil(pupilId: string): Promise<DirectoryPersonRecord | null> {
    return this.person(pupilId, 'pupil');
  }

  private async person(personId: string, kind: DirectoryPersonRecord['kind']): Promise<DirectoryPersonRecord | null> {
    const state = directoryPersonStateOf(await this.store.readStream(streamIds.directoryPerson(personId)));
    return state.record?.kind === kind ? state.record : null;
  }
}

import { type EventStore, streamIds } from '@casebook/event-store';
import { directoryPersonStateOf } from '../domain/directory/directory.decider';
import type { DirectoryPersonRecord } from '../domain/directory/directory.events';
import { type RuleViolation, refuse } from '../domain/shared/rule-violation';
import type { SealedTexts } from './sealed-texts';
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

  private pupil(pupilId: string): Promise<DirectoryPersonRecord | null> {
    return this.person(pupilId, 'pupil');
  }

  private async person(personId: string, kind: DirectoryPersonRecord['kind']): Promise<DirectoryPersonRecord | null> {
    const state = directoryPersonStateOf(await this.store.readStream(streamIds.directoryPerson(personId)));
    return state.record?.kind === kind ? state.record : null;
  }
}

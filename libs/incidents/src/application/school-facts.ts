import { type EventStore, streamIds } from '@casebook/event-store';
import { evolveDirectorySchool, initialDirectorySchoolState } from '../domain/directory/directory.decider';
import type { DirectorySchoolEvent } from '../domain/directory/directory.events';

/** Facts about a school that rules need and the directory holds (DIR1): the end of its school day (M1). */
export interface SchoolFacts {
  /** "HH:MM", or null when the directory does not know the school. */
  schoolDayEndsAt(schoolId: string): Promise<string | null>;
}

export const NO_SCHOOL_FACTS: SchoolFacts = { schoolDayEndsAt: async () => null };

/** M1 from the directory: the school's end of the day as the administration's export gives it. */
export class DirectorySchoolFacts implements SchoolFacts {
  constructor(private readonly store: EventStore) {}

  async schoolDayEndsAt(schoolId: string): Promise<string | null> {
    const history = await this.store.readStream(streamIds.directorySchool(schoolId));
    return (
      history.reduce((s, e) => evolveDirectorySchool(s, e as unknown as DirectorySchoolEvent), initialDirectorySchoolState).record?.schoolDayEndsAt ?? null
    );
  }
}

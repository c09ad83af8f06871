/**
 * Facts about a pupil that rules need and the directory will hold (DIR1, issue #18 fills this port from it): a
 * pupil's date of birth (CON1). Until then nothing is known here, and the rules take what the command says.
 */
export interface PupilFacts {
  /** YYYY-MM-DD, or null when unknown. */
  dateOfBirth(pupilId: string): Promise<string | null>;
}

/** No directory yet: nothing known (the command's own statement, if any, is used). */
export const NO_PUPIL_FACTS: PupilFacts = { dateOfBirth: async () => null };

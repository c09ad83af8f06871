/** A person is referenced by a stable id from the school's administration and a kind (domain spec, People). */
export type PersonKind = 'pupil' | 'staff' | 'parent' | 'external';
export type InvolvementRole = 'victim' | 'perpetrator' | 'witness' | 'reporter';

export interface InvolvedPerson {
  readonly personId: string;
  readonly personKind: PersonKind;
  readonly role: InvolvementRole;
  /** Personal data: encrypted per person by the privacy issue; never on Kafka or in logs. */
  readonly displayName?: string;
}

export const PERSON_KINDS: readonly PersonKind[] = ['pupil', 'staff', 'parent', 'external'];
export const INVOLVEMENT_ROLES: readonly InvolvementRole[] = ['victim', 'perpetrator', 'witness', 'reporter'];

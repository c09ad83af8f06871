/** A person is referenced by a stable id from the school's administration and a kind (domain spec, People). */
export type PersonKind = 'pupil' | 'staff' | 'volunteer' | 'parent' | 'external';
export type InvolvementRole = 'victim' | 'perpetrator' | 'witness' | 'reporter';

export interface InvolvedPerson {
  readonly personId: string;
  readonly personKind: PersonKind;
  readonly role: InvolvementRole;
  /** Personal data: encrypted per person by the privacy issue; never on Kafka or in logs. */
  readonly displayName?: string;
}

export const PERSON_KINDS: readonly PersonKind[] = ['pupil', 'staff', 'volunteer', 'parent', 'external'];

/**
 * Who works at the school: staff, and volunteers (interns, volunteers and others with tasks in the school). B3 names
 * both ("a staff member or volunteer"): a staff-misconduct case is about either, filed in their personnel file (#32).
 */
export function worksAtSchool(kind: PersonKind): boolean {
  return kind === 'staff' || kind === 'volunteer';
}
export const INVOLVEMENT_ROLES: readonly InvolvementRole[] = ['victim', 'perpetrator', 'witness', 'reporter'];

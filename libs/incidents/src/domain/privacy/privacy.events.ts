/**
 * The privacy register (domain spec, Privacy): when a person left (the start of their retention period), when
 * their personal data was erased, and legal holds that stop erasure while a case may be needed as evidence.
 */
export type DepartedPersonKind = 'pupil' | 'staff';

export interface PersonDeparted {
  readonly type: 'PersonDeparted';
  /** A pupil left school, or a staff member's employment ended, on `leftOn` (a calendar day). */
  readonly data: {
    readonly personId: string;
    readonly personKind: DepartedPersonKind;
    readonly leftOn: string;
    readonly recordedBy: string;
    readonly schoolId?: string | null;
  };
}

export interface PersonDataErased {
  readonly type: 'PersonDataErased';
  /** The person's data key is deleted right after this event: their sealed texts are unreadable from then on. */
  readonly data: { readonly personId: string; readonly basis: 'request' | 'retention'; readonly reason: string; readonly erasedBy: string };
}

export type PersonRecordEvent = PersonDeparted | PersonDataErased;

export interface LegalHoldPlaced {
  readonly type: 'LegalHoldPlaced';
  readonly data: { readonly incidentId: string; readonly reason: string; readonly placedBy: string };
}

export interface LegalHoldLifted {
  readonly type: 'LegalHoldLifted';
  readonly data: { readonly incidentId: string; readonly reason: string; readonly liftedBy: string };
}

export type LegalHoldEvent = LegalHoldPlaced | LegalHoldLifted;

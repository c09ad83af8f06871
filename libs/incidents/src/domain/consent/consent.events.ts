/** E4, R2: a pupil's consents (`pupil-consent-<pupilId>`); R1: a school's recording permissions (`school-consent-<schoolId>`). */
export type ConsentPurpose = 'mailbox' | 'website-publication';
export type ConsentGiver = 'parents' | 'pupil';

export interface ConsentGiven {
  readonly type: 'ConsentGiven';
  readonly data: {
    readonly pupilId: string;
    readonly schoolId: string;
    readonly purpose: ConsentPurpose;
    readonly givenBy: ConsentGiver;
    /** SHA-256 of the signed form, when there is one. */
    readonly documentSha256: string | null;
    readonly recordedBy: string;
  };
}

export interface ConsentRefused {
  readonly type: 'ConsentRefused';
  readonly data: {
    readonly pupilId: string;
    readonly schoolId: string;
    readonly purpose: ConsentPurpose;
    readonly givenBy: ConsentGiver;
    readonly recordedBy: string;
  };
}

export interface ConsentWithdrawn {
  readonly type: 'ConsentWithdrawn';
  readonly data: {
    readonly pupilId: string;
    readonly schoolId: string;
    readonly purpose: ConsentPurpose;
    readonly givenBy: ConsentGiver;
    readonly recordedBy: string;
  };
}

export type PupilConsentEvent = ConsentGiven | ConsentRefused | ConsentWithdrawn;

export interface RecordingPermissionGranted {
  readonly type: 'RecordingPermissionGranted';
  readonly data: {
    readonly permissionId: string;
    readonly schoolId: string;
    /** What may be recorded (sound, video, photo; which activity): R1 "who, what, when". */
    readonly what: string;
    readonly grantedTo: string;
    readonly validFrom: string;
    readonly validUntil: string | null;
    /** SHA-256 of the written permission (R1: "document hash"). */
    readonly documentSha256: string;
    readonly grantedBy: string;
  };
}

export type SchoolConsentEvent = RecordingPermissionGranted;

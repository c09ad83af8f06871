import type { CommandContext } from '../shared/command-context';
import type { ConsentGiver, ConsentPurpose, RecordingPermissionGranted } from './consent.events';

export interface RecordConsent {
  readonly type: 'RecordConsent';
  readonly context: CommandContext;
  readonly data: {
    readonly pupilId: string;
    readonly schoolId: string;
    readonly purpose: ConsentPurpose;
    readonly decision: 'given' | 'refused' | 'withdrawn';
    readonly givenBy: ConsentGiver;
    readonly documentSha256: string | null;
    /** CON1: the pupil's date of birth (YYYY-MM-DD) — the directory's, or the command's; null when unknown. */
    readonly dateOfBirth?: string | null;
  };
}

export type PupilConsentCommand = RecordConsent;

export interface GrantRecordingPermission {
  readonly type: 'GrantRecordingPermission';
  readonly context: CommandContext;
  /** What the permission says; the event adds who granted it. */
  readonly data: Omit<RecordingPermissionGranted['data'], 'grantedBy'>;
}

export type SchoolConsentCommand = GrantRecordingPermission;

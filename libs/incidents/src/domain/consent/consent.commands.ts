import type { CommandContext } from '../shared/command-context';
import type { ConsentGiver, ConsentPurpose } from './consent.events';

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
  };
}

export type PupilConsentCommand = RecordConsent;

export interface GrantRecordingPermission {
  readonly type: 'GrantRecordingPermission';
  readonly context: CommandContext;
  readonly data: {
    readonly permissionId: string;
    readonly schoolId: string;
    readonly what: string;
    readonly grantedTo: string;
    readonly validFrom: string;
    readonly validUntil: string | null;
    readonly documentSha256: string;
  };
}

export type SchoolConsentCommand = GrantRecordingPermission;

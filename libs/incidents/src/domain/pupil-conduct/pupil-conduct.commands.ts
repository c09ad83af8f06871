import type { CommandContext } from '../shared/command-context';
import type { EmailSuspensionGround, ParentNotificationChannel } from './pupil-conduct.events';

/** Commands on a pupil's conduct stream. Ids of what they create are made by the application. */
export interface TakeDeviceIntoCustody {
  readonly type: 'TakeDeviceIntoCustody';
  readonly context: CommandContext;
  readonly data: {
    readonly custodyId: string;
    readonly informParentsObligationId: string;
    readonly returnObligationId: string;
    readonly pupilId: string;
    readonly schoolId: string;
    readonly incidentId?: string;
    readonly device: string;
    readonly conditionChecked?: { readonly damage: string; readonly working: boolean };
    readonly pupilPresent: boolean;
    readonly switchedOff: boolean;
    /** When the device was taken (M1, B4: given by the command, never in the future; the application defaults it to now). */
    readonly takenAt: string;
    /** Required from the third offence in a school year (M3), set by the director. */
    readonly custodyUntil?: string;
    /** The end of the school day it was taken on at the pupil's school, or takenAt itself after it (M1), from the school calendar. */
    readonly endOfSchoolDay: string;
    /** The end of the next school day (M2 "kept longer" when the director sets nothing). */
    readonly endOfNextSchoolDay: string;
  };
}

export interface ReturnDevice {
  readonly type: 'ReturnDevice';
  readonly context: CommandContext;
  readonly data: { readonly custodyId: string; readonly returnedTo: 'pupil' | 'parent'; readonly returnedAt: string };
}

/** M6: issued by the system for a custody past its due time; records nothing when it was returned or flagged already. */
export interface FlagOverdueDevice {
  readonly type: 'FlagOverdueDevice';
  readonly context: CommandContext;
  readonly data: { readonly custodyId: string };
}

export interface SuspendEmailAccount {
  readonly type: 'SuspendEmailAccount';
  readonly context: CommandContext;
  readonly data: {
    readonly actionId: string;
    readonly informParentsObligationId: string;
    readonly pupilId: string;
    readonly schoolId: string;
    readonly ground: EmailSuspensionGround;
    readonly until: string;
    readonly reason: string;
    /** E4: whether the consent register holds the parents' mailbox consent (the application reads it). */
    readonly mailboxConsented: boolean;
  };
}

export interface WarnAboutEmailUse {
  readonly type: 'WarnAboutEmailUse';
  readonly context: CommandContext;
  readonly data: {
    readonly actionId: string;
    readonly informParentsObligationId: string;
    readonly pupilId: string;
    readonly schoolId: string;
    readonly reason: string;
    /** E4: as for a suspension. */
    readonly mailboxConsented: boolean;
  };
}

export interface RecordParentsInformed {
  readonly type: 'RecordParentsInformed';
  readonly context: CommandContext;
  readonly data: { readonly regarding: string; readonly channel: ParentNotificationChannel; readonly informedAt: string };
}

/** P5: book a suspension of this pupil before it is recorded on its case (the case decider accepted it). */
export interface BookSuspension {
  readonly type: 'BookSuspension';
  readonly context: CommandContext;
  readonly data: {
    readonly measureId: string;
    readonly incidentId: string;
    readonly pupilId: string;
    readonly schoolId: string;
    readonly startsOn: string;
    readonly endsOn: string;
  };
}

export interface ReleaseSuspensionBooking {
  readonly type: 'ReleaseSuspensionBooking';
  readonly context: CommandContext;
  readonly data: { readonly measureId: string; readonly reason: 'withdrawn' | 'not-recorded' };
}

export type PupilConductCommand =
  | TakeDeviceIntoCustody
  | ReturnDevice
  | FlagOverdueDevice
  | SuspendEmailAccount
  | WarnAboutEmailUse
  | RecordParentsInformed
  | BookSuspension
  | ReleaseSuspensionBooking;

import type { OpenedObligation } from '../shared/obligation';
import type { ParentsInformed } from '../shared/parents-informed.event';

export type { ParentNotificationChannel, ParentsInformed } from '../shared/parents-informed.event';

/** Events of a pupil's conduct stream (`pupil-conduct-<pupilId>`): what belongs to the pupil, not to one case. */
export interface DeviceTakenIntoCustody {
  readonly type: 'DeviceTakenIntoCustody';
  readonly data: {
    readonly custodyId: string;
    readonly pupilId: string;
    readonly schoolId: string;
    readonly incidentId: string | null;
    readonly device: string;
    /** M4: checked for damage and correct working in the pupil's presence, then switched off. */
    readonly conditionChecked: { readonly damage: string; readonly working: boolean };
    readonly pupilPresent: true;
    readonly switchedOff: true;
    /** M5: counted per pupil per school year. */
    readonly schoolYear: number;
    readonly offenceNumber: number;
    readonly takenAt: string;
    readonly custodyUntil: string;
    readonly obligations: readonly OpenedObligation[];
  };
}

export interface DeviceReturned {
  readonly type: 'DeviceReturned';
  readonly data: {
    readonly custodyId: string;
    readonly returnedTo: 'pupil' | 'parent';
    readonly returnedAt: string;
    readonly closesObligationId: string;
  };
}

/** M6: a device not returned by its due time. Recorded by the system once the time has passed, once per custody. */
export interface DeviceReturnOverdue {
  readonly type: 'DeviceReturnOverdue';
  readonly data: {
    readonly custodyId: string;
    readonly pupilId: string;
    readonly schoolId: string;
    readonly offenceNumber: number;
    /** The device-return obligation that is now overdue. */
    readonly obligationId: string;
    readonly dueAt: string;
  };
}

export type EmailSuspensionGround = 'unlawful-activity' | 'irresponsible-use' | 'bullying';

export interface EmailAccountSuspended {
  readonly type: 'EmailAccountSuspended';
  readonly data: {
    readonly actionId: string;
    readonly pupilId: string;
    readonly schoolId: string;
    readonly ground: EmailSuspensionGround;
    /** Calendar day (YYYY-MM-DD) the suspension ends: E1, "a reasonable term set by the director". */
    readonly until: string;
    readonly reason: string;
    readonly obligations: readonly OpenedObligation[];
  };
}

export interface EmailUseWarned {
  readonly type: 'EmailUseWarned';
  readonly data: {
    readonly actionId: string;
    readonly pupilId: string;
    readonly schoolId: string;
    readonly reason: string;
    readonly obligations: readonly OpenedObligation[];
  };
}

/**
 * P5 across cases: a suspension of this pupil, booked here before it is recorded on its case, so that suspensions
 * in different cases are counted together and two at once are serialised on this stream (decisions #81).
 */
export interface SuspensionBooked {
  readonly type: 'SuspensionBooked';
  readonly data: {
    readonly measureId: string;
    readonly incidentId: string;
    readonly pupilId: string;
    readonly schoolId: string;
    readonly startsOn: string;
    readonly endsOn: string;
    readonly bookedAt: string;
  };
}

/** The booking no longer counts: its suspension was withdrawn (COR1), or never reached its case (a failed command). */
export interface SuspensionBookingReleased {
  readonly type: 'SuspensionBookingReleased';
  readonly data: { readonly measureId: string; readonly reason: 'withdrawn' | 'not-recorded' };
}

export type PupilConductEvent =
  | DeviceTakenIntoCustody
  | DeviceReturned
  | DeviceReturnOverdue
  | EmailAccountSuspended
  | EmailUseWarned
  | ParentsInformed
  | SuspensionBooked
  | SuspensionBookingReleased;

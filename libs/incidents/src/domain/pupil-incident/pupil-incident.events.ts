import type { CaseEvent } from '../case/case.events';
import type { OpenedObligation } from '../shared/obligation';
import type { ParentsInformed } from '../shared/parents-informed.event';
import type { PersonKind } from '../case/involved-person';

/** P1: the measures a school may take against a pupil. */
export type PupilMeasure = 'warning' | 'ict-ban' | 'behaviour-contract' | 'suspension' | 'removal' | 'school-access-ban';

export interface MeasureImposed {
  readonly type: 'MeasureImposed';
  readonly data: {
    readonly measureId: string;
    readonly subjectId: string;
    /** P7: a measure against a parent of the case (absent: a pupil, as in every event before revision 2). */
    readonly subjectKind?: 'parent';
    readonly measure: PupilMeasure;
    readonly reason: string;
    /** Calendar days (YYYY-MM-DD): a suspension's first and last day, an ICT ban's last day. */
    readonly startsOn: string | null;
    readonly endsOn: string | null;
    readonly imposedBy: string;
    readonly obligations: readonly OpenedObligation[];
  };
}

/** Whose hearing it was (api.md revision 2): P6 needs the class teacher and the pupil's parents, S12 the staff member. */
export type HeardAs = 'class-teacher' | 'parent' | 'staff-member';

/** P6: a hearing before a removal; S12: the hearing of a staff member before a disciplinary measure. */
export interface HearingHeld {
  readonly type: 'HearingHeld';
  readonly data: {
    readonly hearingId: string;
    readonly heardPersonId: string;
    readonly heardPersonKind: PersonKind;
    /** Absent in events from before revision 2. */
    readonly heardAs?: HeardAs | null;
    /** P6: whose class teacher or parent was heard (revision 2). */
    readonly ofPupilId?: string | null;
    readonly heardAt: string;
    readonly summary: string;
    readonly recordedBy: string;
  };
}

/** P5: a suspension reported in writing to the Inspectorate; closes the case's report obligation for it. */
export interface InspectorateReported {
  readonly type: 'InspectorateReported';
  readonly data: {
    /** The suspension (measure id) reported. */
    readonly regarding: string;
    readonly reportedAt: string;
    readonly reference: string;
    /** P6: a removal is also reported to the school-attendance officer (absent: the Inspectorate). */
    readonly recipient?: 'inspectorate' | 'attendance-officer';
    readonly recordedBy: string;
    readonly closesObligationId: string;
  };
}

/** P6 (revision 2): the board records that it intends to remove the pupil, before the hearings. */
export interface RemovalIntended {
  readonly type: 'RemovalIntended';
  readonly data: { readonly intentionId: string; readonly subjectId: string; readonly reason: string; readonly intendedBy: string };
}

/** P6: the removal is final — another school admitted the pupil, or eight weeks of searching ended without one. */
export interface RemovalPlacementRecorded {
  readonly type: 'RemovalPlacementRecorded';
  readonly data: {
    readonly regarding: string;
    readonly subjectId: string;
    readonly outcome: 'admitted' | 'search-ended';
    readonly admittingSchool: string | null;
    readonly decidedAt: string;
    readonly recordedBy: string;
    readonly closesObligationId: string;
  };
}

/** P6: the parents objected to the removal; opens the board's duty to hear them and decide. */
export interface RemovalObjected {
  readonly type: 'RemovalObjected';
  readonly data: {
    readonly objectionId: string;
    readonly regarding: string;
    readonly subjectId: string;
    readonly receivedAt: string;
    readonly summary: string;
    /** Received after the parents' six weeks: recorded as it happened (FACT1). */
    readonly late: boolean;
    readonly recordedBy: string;
    readonly obligations: readonly OpenedObligation[];
    /** The parents' window, used: no longer open. */
    readonly closesObligationIds: readonly string[];
  };
}

/** P6: the board's decision on the objection. */
export interface ObjectionDecided {
  readonly type: 'ObjectionDecided';
  readonly data: {
    readonly objectionId: string;
    readonly subjectId: string;
    readonly decision: 'upheld' | 'rejected';
    readonly rationale: string;
    readonly decidedBy: string;
    readonly closesObligationId: string;
  };
}

export type PupilIncidentEvent =
  | CaseEvent
  | MeasureImposed
  | HearingHeld
  | ParentsInformed
  | InspectorateReported
  | RemovalIntended
  | RemovalPlacementRecorded
  | RemovalObjected
  | ObjectionDecided;

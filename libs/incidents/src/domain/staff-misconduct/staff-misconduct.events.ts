import type { CaseEvent } from '../case/case.events';
import type { OpenedObligation } from '../shared/obligation';
import type { HearingHeld } from '../pupil-incident/pupil-incident.events';

export type StaffQualification = 'dereliction-of-duty' | 'boundary-crossing';
/**
 * S9, by severity, and S13's non-disciplinary suspension pending investigation (ordemaatregel). `dismissal` is in
 * revision-1 history only: since revision 2 a dismissal is a procedure (S13), never a measure of the board alone.
 */
export type DisciplinaryMeasure = 'warning' | 'reprimand' | 'suspension' | 'summary-dismissal' | 'suspension-pending-investigation' | 'dismissal';
/** S13: the routes Dutch law gives to end an employment, and their outcomes. */
export type DismissalRoute = 'uwv' | 'cantonal-court' | 'settlement';
export type DismissalOutcome = 'granted' | 'refused' | 'settled' | 'withdrawn';
export type InspectorConclusion = 'reasonable-suspicion' | 'no-reasonable-suspicion';

/** S8: the board's qualification of the conduct. */
export interface StaffConductQualified {
  readonly type: 'StaffConductQualified';
  /** `qualificationId` (#32, COR1): what a withdrawal names; absent in events recorded before. */
  readonly data: { readonly qualificationId?: string; readonly qualification: StaffQualification; readonly rationale: string; readonly qualifiedBy: string };
}

/** B1 (policy) and B3 (statutory): an item in the inspector notification queue. */
export interface InspectorNotificationQueued {
  readonly type: 'InspectorNotificationQueued';
  readonly data: { readonly basis: 'policy' | 'statutory'; readonly obligation: OpenedObligation };
}

/** B1/B3: the phone call to the national confidential inspector, closing the open queue items. */
export interface InspectorCalled {
  readonly type: 'InspectorCalled';
  readonly data: {
    readonly calledAt: string;
    readonly inspectorReference: string;
    readonly summary: string;
    readonly conclusion: InspectorConclusion | null;
    readonly calledBy: string;
    readonly closesObligationIds: readonly string[];
  };
}

/** S10: a staff member consulted the manager. */
export interface ManagerConsulted {
  readonly type: 'ManagerConsulted';
  /** `managerId`: whom the staff member consulted (revision 2; absent in older events). */
  readonly data: {
    readonly consultationId: string;
    readonly consultedAt: string;
    readonly summary: string;
    readonly managerId?: string | null;
    readonly recordedBy: string;
  };
}

export interface DisciplinaryMeasureImposed {
  readonly type: 'DisciplinaryMeasureImposed';
  readonly data: {
    readonly measureId: string;
    readonly subjectId: string;
    readonly measure: DisciplinaryMeasure;
    readonly reason: string;
    readonly startsOn: string | null;
    readonly endsOn: string | null;
    /** S11: when a summary dismissal, with its reason, was communicated. */
    readonly communicatedAt: string | null;
    /** S11 (revision 2): when the board learned the facts, and why it took longer than the policy's working days. Absent in older events. */
    readonly factsKnownAt?: string | null;
    readonly delayReason?: string | null;
    readonly imposedBy: string;
  };
}

/** S12: the board announced in writing that it intends a disciplinary measure (before hearing the staff member). */
export interface DisciplinaryIntentionAnnounced {
  readonly type: 'DisciplinaryIntentionAnnounced';
  readonly data: {
    readonly intentionId: string;
    readonly subjectId: string;
    readonly measure: DisciplinaryMeasure;
    readonly announcedAt: string;
    readonly announcedBy: string;
  };
}

/** S13: a dismissal procedure started (UWV, cantonal court or settlement agreement). */
export interface DismissalProcedureStarted {
  readonly type: 'DismissalProcedureStarted';
  readonly data: {
    readonly procedureId: string;
    readonly subjectId: string;
    readonly route: DismissalRoute;
    readonly startedAt: string;
    readonly startedBy: string;
  };
}

/** S13: the procedure's outcome. */
export interface DismissalProcedureConcluded {
  readonly type: 'DismissalProcedureConcluded';
  readonly data: {
    readonly procedureId: string;
    readonly subjectId: string;
    readonly outcome: DismissalOutcome;
    readonly decidedAt: string;
    readonly recordedBy: string;
  };
}

export type StaffMisconductEvent =
  | CaseEvent
  | StaffConductQualified
  | InspectorNotificationQueued
  | InspectorCalled
  | ManagerConsulted
  | DisciplinaryMeasureImposed
  | DisciplinaryIntentionAnnounced
  | HearingHeld
  | DismissalProcedureStarted
  | DismissalProcedureConcluded;

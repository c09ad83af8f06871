import type { CaseEvent } from '../case/case.events';
import type { OpenedObligation } from '../shared/obligation';

export type StaffQualification = 'dereliction-of-duty' | 'boundary-crossing';
/** S9, by severity. */
export type DisciplinaryMeasure = 'warning' | 'suspension' | 'reprimand' | 'dismissal' | 'summary-dismissal';
export type InspectorConclusion = 'reasonable-suspicion' | 'no-reasonable-suspicion';

/** S8: the board's qualification of the conduct. */
export interface StaffConductQualified {
  readonly type: 'StaffConductQualified';
  readonly data: { readonly qualification: StaffQualification; readonly rationale: string; readonly qualifiedBy: string };
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
  readonly data: { readonly consultationId: string; readonly consultedAt: string; readonly summary: string; readonly recordedBy: string };
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
    readonly imposedBy: string;
  };
}

export type StaffMisconductEvent =
  | CaseEvent
  | StaffConductQualified
  | InspectorNotificationQueued
  | InspectorCalled
  | ManagerConsulted
  | DisciplinaryMeasureImposed;

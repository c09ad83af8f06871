import type { ObligationKind } from '../shared/obligation';
import type { InvolvedPerson } from './involved-person';

/** Events every incident case has, pupil incident and staff misconduct alike. */
export type CaseKind = 'pupil-incident' | 'staff-misconduct';

export interface IncidentReported {
  readonly type: 'IncidentReported';
  readonly data: {
    readonly incidentId: string;
    readonly kind: CaseKind;
    readonly schoolId: string;
    readonly category: string;
    /** B4: when it happened, as reported; `recordedAt` is the store's. */
    readonly occurredAt: string;
    readonly summary: string;
    readonly involved: readonly InvolvedPerson[];
    readonly reportedBy: string;
  };
}

export interface ScopeAssessed {
  readonly type: 'ScopeAssessed';
  readonly data: { readonly inScope: boolean; readonly rationale: string; readonly assessedBy: string };
}

export interface EvidenceAdded {
  readonly type: 'EvidenceAdded';
  readonly data: {
    readonly evidenceId: string;
    readonly description: string;
    readonly sha256: string;
    readonly mediaType: string;
    readonly capturedAt: string | null;
    readonly addedBy: string;
  };
}

export type CorrespondenceDirection = 'incoming' | 'outgoing';
export type CorrespondenceCounterpart = 'parent' | 'pupil' | 'staff' | 'police' | 'inspector' | 'other';
export type CorrespondenceChannel = 'letter' | 'e-mail' | 'phone' | 'meeting';

export interface CorrespondenceRecorded {
  readonly type: 'CorrespondenceRecorded';
  readonly data: {
    readonly correspondenceId: string;
    readonly direction: CorrespondenceDirection;
    readonly counterpart: CorrespondenceCounterpart;
    readonly channel: CorrespondenceChannel;
    readonly occurredAt: string;
    readonly summary: string;
    readonly documentSha256: string | null;
    /** F1/F2: whose file keeps it: the staff member's personnel file, or every involved pupil's file. */
    readonly filedIn: { readonly file: 'pupil-file' | 'personnel-file'; readonly personIds: readonly string[] };
    readonly recordedBy: string;
  };
}

export interface IncidentClosed {
  readonly type: 'IncidentClosed';
  readonly data: { readonly outcome: string; readonly rationale: string | null; readonly closedBy: string };
}

/** COR1: the case's category corrected, with a rationale; the earlier one stays visible in the timeline. */
export interface IncidentReclassified {
  readonly type: 'IncidentReclassified';
  readonly data: { readonly from: string; readonly to: string; readonly rationale: string; readonly reclassifiedBy: string };
}

/** COR1: a person added to the case (a list of one, so the name is sealed like the report's). */
export interface InvolvedPersonAdded {
  readonly type: 'InvolvedPersonAdded';
  readonly data: { readonly involved: readonly InvolvedPerson[]; readonly addedBy: string };
}

/** COR1: a measure withdrawn, with a rationale (e.g. after an objection); the measure stays in the history. */
export interface MeasureWithdrawn {
  readonly type: 'MeasureWithdrawn';
  readonly data: { readonly withdrawnId: string; readonly rationale: string; readonly withdrawnBy: string };
}

/** The case's number (domain.md "case number"), copied onto the case from the year's counter. */
export interface CaseNumbered {
  readonly type: 'CaseNumbered';
  readonly data: { readonly caseNumber: string };
}

/** CLOSE1: an open obligation of the school waived, with a rationale, by the close that names it. */
export interface ObligationWaived {
  readonly type: 'ObligationWaived';
  readonly data: { readonly obligationId: string; readonly kind: ObligationKind; readonly rationale: string; readonly waivedBy: string };
}

export interface IncidentReopened {
  readonly type: 'IncidentReopened';
  readonly data: { readonly reason: string; readonly reopenedBy: string };
}

/** P4/B2: the case links to a criminal-report decision opened from it (the decision links back by sourceIncidentId). */
export interface CriminalReportDecisionLinked {
  readonly type: 'CriminalReportDecisionLinked';
  readonly data: { readonly decisionId: string; readonly linkedBy: string };
}

/** The case's owner, who handles it (caseload; api.md revision 2): a staff person id, replaced by a later one. */
export interface CaseAssigned {
  readonly type: 'CaseAssigned';
  readonly data: { readonly ownerId: string; readonly assignedBy: string };
}

export type CaseEvent =
  | IncidentReported
  | ScopeAssessed
  | EvidenceAdded
  | CorrespondenceRecorded
  | IncidentClosed
  | ObligationWaived
  | CaseNumbered
  | IncidentReclassified
  | InvolvedPersonAdded
  | MeasureWithdrawn
  | IncidentReopened
  | CaseAssigned
  | CriminalReportDecisionLinked;

const CASE_EVENT_TYPES: ReadonlySet<string> = new Set<CaseEvent['type']>([
  'IncidentReported',
  'ScopeAssessed',
  'EvidenceAdded',
  'CorrespondenceRecorded',
  'IncidentClosed',
  'ObligationWaived',
  'CaseNumbered',
  'IncidentReclassified',
  'InvolvedPersonAdded',
  'MeasureWithdrawn',
  'IncidentReopened',
  'CaseAssigned',
  'CriminalReportDecisionLinked',
]);

/** Whether an event of a pupil or staff case is one of the events every case shares. */
export function isCaseEvent(event: { readonly type: string }): event is CaseEvent {
  return CASE_EVENT_TYPES.has(event.type);
}

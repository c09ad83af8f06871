import type { CommandContext } from '../shared/command-context';
import type { CorrespondenceChannel, CorrespondenceCounterpart, CorrespondenceDirection } from './case.events';
import type { InvolvedPerson } from './involved-person';

export interface ReportIncident {
  readonly type: 'ReportIncident';
  readonly context: CommandContext;
  readonly data: {
    readonly incidentId: string;
    readonly schoolId: string;
    readonly category: string;
    readonly occurredAt: string;
    readonly summary: string;
    readonly involved: readonly InvolvedPerson[];
  };
}

export interface AssessScope {
  readonly type: 'AssessScope';
  readonly context: CommandContext;
  readonly data: { readonly inScope: boolean; readonly rationale: string };
}

export interface AddEvidence {
  readonly type: 'AddEvidence';
  readonly context: CommandContext;
  readonly data: {
    readonly evidenceId: string;
    readonly description: string;
    readonly sha256: string;
    readonly mediaType: string;
    readonly capturedAt?: string;
  };
}

export interface RecordCorrespondence {
  readonly type: 'RecordCorrespondence';
  readonly context: CommandContext;
  readonly data: {
    readonly correspondenceId: string;
    readonly direction: CorrespondenceDirection;
    readonly counterpart: CorrespondenceCounterpart;
    readonly channel: CorrespondenceChannel;
    readonly occurredAt: string;
    readonly summary: string;
    readonly documentSha256?: string;
    /** F2: the pupils whose file keeps it (each involved); by default the perpetrators, else the victims. */
    readonly concerningPupilIds?: readonly string[];
  };
}

export interface CloseIncident {
  readonly type: 'CloseIncident';
  readonly context: CommandContext;
  /** CLOSE1: each open obligation the close waives, with its rationale. */
  readonly data: {
    readonly outcome: string;
    readonly waive?: readonly { readonly obligationId: string; readonly rationale: string }[];
    /** B3: the case's criminal-report decisions still open, as the application read them from their streams. */
    readonly openCriminalReportDecisions?: readonly string[];
  };
}

/** COR1: corrections, each a new event. */
export interface ReclassifyIncident {
  readonly type: 'ReclassifyIncident';
  readonly context: CommandContext;
  /** `statutoryObligationId`: for the statutory inspector item a reclassification into B3's category opens. */
  readonly data: { readonly category: string; readonly rationale: string; readonly statutoryObligationId?: string };
}

export interface AddInvolvedPerson {
  readonly type: 'AddInvolvedPerson';
  readonly context: CommandContext;
  readonly data: { readonly person: InvolvedPerson };
}

export interface WithdrawMeasure {
  readonly type: 'WithdrawMeasure';
  readonly context: CommandContext;
  /** `mayWithdraw`: the kind's rule for who withdraws this measure (the measure's kind decides, from the state). */
  readonly data: { readonly withdrawnId: string; readonly rationale: string };
}

/** Copies the number the year's counter gave the case onto it; once (later copies decide nothing). */
export interface NumberCase {
  readonly type: 'NumberCase';
  readonly context: CommandContext;
  readonly data: { readonly caseNumber: string };
}

export interface ReopenIncident {
  readonly type: 'ReopenIncident';
  readonly context: CommandContext;
  readonly data: { readonly reason: string };
}

/** The caseload's owner (api.md revision 2): the staff member who handles the case; it sees it in its work queue. */
export interface AssignCase {
  readonly type: 'AssignCase';
  readonly context: CommandContext;
  readonly data: { readonly ownerId: string };
}

/** Issued by the application right after it opened a criminal-report decision from this case. */
export interface LinkCriminalReportDecision {
  readonly type: 'LinkCriminalReportDecision';
  readonly context: CommandContext;
  readonly data: { readonly decisionId: string };
}

export type CaseCommand =
  | ReportIncident
  | AssessScope
  | AddEvidence
  | RecordCorrespondence
  | CloseIncident
  | ReopenIncident
  | NumberCase
  | ReclassifyIncident
  | AddInvolvedPerson
  | WithdrawMeasure
  | AssignCase
  | LinkCriminalReportDecision;

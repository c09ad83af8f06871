import type { CaseCommand } from '../case/case.commands';
import type { CommandContext } from '../shared/command-context';
import type { RecordHearing } from '../pupil-incident/pupil-incident.commands';
import type { DisciplinaryMeasure, DismissalOutcome, DismissalRoute, InspectorConclusion, StaffQualification } from './staff-misconduct.events';

/** A report of staff misconduct carries the id for the statutory inspector item B3 may open. */
export interface ReportStaffMisconduct {
  readonly type: 'ReportStaffMisconduct';
  readonly context: CommandContext;
  readonly report: Extract<CaseCommand, { type: 'ReportIncident' }>;
  readonly statutoryObligationId: string;
}

export interface QualifyConduct {
  readonly type: 'QualifyConduct';
  readonly context: CommandContext;
  readonly data: { readonly qualification: StaffQualification; readonly rationale: string; readonly obligationId: string; readonly qualificationId?: string };
}

export interface RecordInspectorCall {
  readonly type: 'RecordInspectorCall';
  readonly context: CommandContext;
  readonly data: { readonly calledAt: string; readonly inspectorReference: string; readonly summary: string; readonly conclusion?: InspectorConclusion };
}

export interface RecordManagerConsultation {
  readonly type: 'RecordManagerConsultation';
  readonly context: CommandContext;
  readonly data: { readonly consultationId: string; readonly consultedAt: string; readonly summary: string };
}

export interface ImposeDisciplinaryMeasure {
  readonly type: 'ImposeDisciplinaryMeasure';
  readonly context: CommandContext;
  readonly data: {
    readonly measureId: string;
    readonly subjectId: string;
    readonly measure: DisciplinaryMeasure;
    readonly reason: string;
    readonly startsOn?: string;
    readonly endsOn?: string;
    readonly communicatedAt?: string;
    /** S11: when the board learned the facts of a summary dismissal. */
    readonly factsKnownAt?: string;
    /** S11: why more than the policy's working days lie between learning the facts and the dismissal. */
    readonly delayReason?: string;
  };
}

/** S12: the board's written announcement of an intended disciplinary measure. */
export interface AnnounceDisciplinaryIntention {
  readonly type: 'AnnounceDisciplinaryIntention';
  readonly context: CommandContext;
  readonly data: { readonly intentionId: string; readonly subjectId: string; readonly measure: DisciplinaryMeasure; readonly announcedAt: string };
}

/** S13: a dismissal procedure starts; later its outcome. */
export interface StartDismissalProcedure {
  readonly type: 'StartDismissalProcedure';
  readonly context: CommandContext;
  readonly data: { readonly procedureId: string; readonly subjectId: string; readonly route: DismissalRoute; readonly startedAt: string };
}

export interface RecordDismissalOutcome {
  readonly type: 'RecordDismissalOutcome';
  readonly context: CommandContext;
  /** `subjectId` may be left out when the case has one open procedure. */
  readonly data: { readonly subjectId?: string; readonly outcome: DismissalOutcome; readonly decidedAt: string };
}

export type StaffMisconductCommand =
  | Exclude<CaseCommand, { type: 'ReportIncident' }>
  | ReportStaffMisconduct
  | QualifyConduct
  | RecordInspectorCall
  | RecordManagerConsultation
  | ImposeDisciplinaryMeasure
  | AnnounceDisciplinaryIntention
  | RecordHearing
  | StartDismissalProcedure
  | RecordDismissalOutcome;

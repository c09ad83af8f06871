import type { CaseCommand } from '../case/case.commands';
import type { CommandContext } from '../shared/command-context';
import type { DisciplinaryMeasure, InspectorConclusion, StaffQualification } from './staff-misconduct.events';

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
  readonly data: { readonly qualification: StaffQualification; readonly rationale: string; readonly obligationId: string };
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
  };
}

export type StaffMisconductCommand =
  | Exclude<CaseCommand, { type: 'ReportIncident' }>
  | ReportStaffMisconduct
  | QualifyConduct
  | RecordInspectorCall
  | RecordManagerConsultation
  | ImposeDisciplinaryMeasure;

import type { CommandContext } from '../shared/command-context';
import type { InspectorConclusion } from '../staff-misconduct/staff-misconduct.events';
import type { CriminalReportDecisionKind } from './criminal-report.events';

/** What the application read from the source case, for rules that look across streams (P4, B3). */
export interface SourceCase {
  readonly incidentId: string;
  readonly kind: 'pupil-incident' | 'staff-misconduct';
  readonly schoolId: string;
  readonly category: string;
  readonly closed: boolean;
  /** B3: the conclusion of the statutory consultation of the inspector, when recorded. */
  readonly statutoryConclusion: InspectorConclusion | null;
  /** CI1: the people the source case is about (involved, heard): they do not decide on its police report. */
  readonly excluded?: readonly string[];
}

export interface OpenCriminalReportDecision {
  readonly type: 'OpenCriminalReportDecision';
  readonly context: CommandContext;
  readonly data: { readonly decisionId: string; readonly source: SourceCase; readonly suspectedOffence: string };
}

export interface DecideCriminalReport {
  readonly type: 'DecideCriminalReport';
  readonly context: CommandContext;
  readonly data: {
    readonly decision: CriminalReportDecisionKind;
    readonly rationale: string;
    readonly policeReportObligationId: string;
    /** B3: the ids of the two notices a statutory decision to report opens. */
    readonly noticeObligationIds?: { readonly parents: string; readonly accused: string };
    /** The source case as it stands now: B3 depends on the inspector's conclusion recorded there. */
    readonly source: SourceCase;
  };
}

export interface RecordPoliceReport {
  readonly type: 'RecordPoliceReport';
  readonly context: CommandContext;
  readonly data: { readonly filedAt: string; readonly policeStation: string; readonly policeReference: string };
}

/** B3: the pupil's parents or the accused were informed before the police report. */
export interface RecordStatutoryNotice {
  readonly type: 'RecordStatutoryNotice';
  readonly context: CommandContext;
  readonly data: { readonly to: 'parents' | 'accused'; readonly channel: 'letter' | 'e-mail' | 'phone' | 'meeting'; readonly informedAt: string };
}

export type CriminalReportCommand = OpenCriminalReportDecision | DecideCriminalReport | RecordPoliceReport | RecordStatutoryNotice;

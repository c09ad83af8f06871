import type { CaseCommand } from '../case/case.commands';
import type { PersonKind } from '../case/involved-person';
import type { CommandContext } from '../shared/command-context';
import type { ParentNotificationChannel } from '../shared/parents-informed.event';
import type { HeardAs, PupilMeasure } from './pupil-incident.events';

export interface ImposeMeasure {
  readonly type: 'ImposeMeasure';
  readonly context: CommandContext;
  readonly data: {
    readonly measureId: string;
    /** Ids the application made for the obligations the measure may open. */
    readonly obligationIds: {
      readonly informParents: string;
      readonly inspectorateReport: string;
      readonly removalPlacement: string;
      readonly reconsiderationWindow: string;
      /** P6 (revision 2): the removal's notices to the Inspectorate and the school-attendance officer. */
      readonly removalInspectorate?: string;
      readonly attendanceOfficer?: string;
    };
    readonly subjectId: string;
    readonly measure: PupilMeasure;
    readonly reason: string;
    readonly startsOn?: string;
    readonly endsOn?: string;
  };
}

export interface RecordHearing {
  readonly type: 'RecordHearing';
  readonly context: CommandContext;
  readonly data: {
    readonly hearingId: string;
    readonly heardPersonId: string;
    /** Needed when the heard person is not among the involved (the pupil's teacher, often). */
    readonly heardPersonKind?: PersonKind;
    readonly heardAs?: HeardAs;
    /** P6: whose class teacher or parent is heard; by default the case's one pupil perpetrator. */
    readonly ofPupilId?: string;
    readonly heardAt: string;
    readonly summary: string;
  };
}

export interface RecordParentsInformedOfMeasure {
  readonly type: 'RecordParentsInformedOfMeasure';
  readonly context: CommandContext;
  readonly data: { readonly regarding: string; readonly channel: ParentNotificationChannel; readonly informedAt: string };
}

/** P5: the written report of a suspension to the Inspectorate of Education (its Internet Schooldossier) was made. */
export interface RecordInspectorateReport {
  readonly type: 'RecordInspectorateReport';
  readonly context: CommandContext;
  readonly data: {
    readonly reportedAt: string;
    /** The Inspectorate's reference of the report. */
    readonly reference: string;
    /** The suspension it reports; may be left out when the case has exactly one report open. */
    readonly regarding?: string;
    /** P6: a removal is also reported to the school-attendance officer; the Inspectorate when left out. */
    readonly recipient?: 'inspectorate' | 'attendance-officer';
  };
}

export interface RecordRemovalIntention {
  readonly type: 'RecordRemovalIntention';
  readonly context: CommandContext;
  readonly data: { readonly intentionId: string; readonly subjectId: string; readonly reason: string };
}

export interface RecordPlacement {
  readonly type: 'RecordPlacement';
  readonly context: CommandContext;
  readonly data: { readonly subjectId: string; readonly outcome: 'admitted' | 'search-ended'; readonly admittingSchool?: string; readonly decidedAt: string };
}

export interface RecordObjection {
  readonly type: 'RecordObjection';
  readonly context: CommandContext;
  readonly data: {
    readonly objectionId: string;
    readonly obligationId: string;
    readonly subjectId: string;
    readonly receivedAt: string;
    readonly summary: string;
  };
}

export interface DecideObjection {
  readonly type: 'DecideObjection';
  readonly context: CommandContext;
  readonly data: { readonly objectionId: string; readonly decision: 'upheld' | 'rejected'; readonly rationale: string };
}

export type PupilIncidentCommand =
  | CaseCommand
  | ImposeMeasure
  | RecordHearing
  | RecordParentsInformedOfMeasure
  | RecordInspectorateReport
  | RecordRemovalIntention
  | RecordPlacement
  | RecordObjection
  | DecideObjection;

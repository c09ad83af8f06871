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
  };
}

export type PupilIncidentCommand = CaseCommand | ImposeMeasure | RecordHearing | RecordParentsInformedOfMeasure | RecordInspectorateReport;

import { isCaseEvent } from '../case/case.events';
import { type CaseState, evolveCase, initialCaseState, withHeard, withObligations } from '../case/case.state';
import { assertNever } from '../shared/rule-violation';
import type { HeardAs, PupilIncidentEvent, PupilMeasure } from './pupil-incident.events';
import type { SuspensionPeriod } from './suspension-chain';

export interface PupilIncidentState extends CaseState {
  /** Open "inform parents" obligations by the measure they regard (P2). */
  readonly informParentsOpen: Readonly<Record<string, string>>;
  /** The measures of the case by id: P5 and P6 need to know which were suspensions and removals. */
  readonly measureIds: Readonly<Record<string, PupilMeasure>>;
  /** P7: the measures taken against a parent of the case. */
  readonly parentMeasures: readonly string[];
  /** P5: the case's suspensions, to refuse chained ones that together exceed five school days. */
  readonly suspensions: readonly (SuspensionPeriod & { readonly subjectId: string; readonly measureId: string })[];
  /** P5: open Inspectorate reports by the suspension they regard. */
  readonly inspectorateReportsOpen: Readonly<Record<string, string>>;
  /** P6: every hearing in the order recorded: whose class teacher or parent was heard (revision 2). */
  readonly hearingLog: readonly { readonly heardAs: HeardAs | null; readonly ofPupilId: string | null }[];
  /** P6: intentions to remove, with how many hearings came before (the ones after count). */
  readonly removalIntentions: readonly { readonly subjectId: string; readonly hearingsBefore: number }[];
  /** P6: removals decided, by measure id, with their clocks. */
  readonly removals: Readonly<Record<string, Removal>>;
  /** P6: open notices to the school-attendance officer, by the removal they regard. */
  readonly attendanceNoticesOpen: Readonly<Record<string, string>>;
  /** P6: the parents' objections, by id. */
  readonly objections: Readonly<
    Record<string, { readonly subjectId: string; readonly obligationId: string; readonly hearingsBefore: number; readonly decided: boolean }>
  >;
}

export interface Removal {
  readonly subjectId: string;
  readonly placementObligationId: string;
  /** Eight weeks after the decision (P6): a search may end without a school from then on. */
  readonly placementDueAt: string;
  readonly windowObligationId: string;
  /** The parents' six weeks to object. */
  readonly windowDueAt: string;
  readonly placed: boolean;
  readonly objected: boolean;
}

export const initialPupilIncidentState: PupilIncidentState = {
  ...initialCaseState,
  informParentsOpen: {},
  inspectorateReportsOpen: {},
  measureIds: {},
  suspensions: [],
  parentMeasures: [],
  hearingLog: [],
  removalIntentions: [],
  removals: {},
  attendanceNoticesOpen: {},
  objections: {},
};

export function evolvePupilIncident(state: PupilIncidentState, event: PupilIncidentEvent): PupilIncidentState {
  switch (event.type) {
    case 'MeasureImposed': {
      const inform = event.data.obligations.find((o) => o.kind === 'inform-parents');
      const report = event.data.obligations.find((o) => o.kind === 'report-suspension-to-inspectorate' || o.kind === 'report-removal-to-inspectorate');
      const attendance = event.data.obligations.find((o) => o.kind === 'inform-attendance-officer');
      const placement = event.data.obligations.find((o) => o.kind === 'removal-placement');
      const window = event.data.obligations.find((o) => o.kind === 'removal-reconsideration-window');
      const removal: Removal | undefined =
        placement && window
          ? {
              subjectId: event.data.subjectId,
              placementObligationId: placement.obligationId,
              placementDueAt: placement.dueAt,
              windowObligationId: window.obligationId,
              windowDueAt: window.dueAt,
              placed: false,
              objected: false,
            }
          : undefined;
      return {
        ...withObligations(state, event.data.obligations),
        removals: removal ? { ...state.removals, [event.data.measureId]: removal } : state.removals,
        parentMeasures: event.data.subjectKind === 'parent' ? [...state.parentMeasures, event.data.measureId] : state.parentMeasures,
        attendanceNoticesOpen: attendance ? { ...state.attendanceNoticesOpen, [event.data.measureId]: attendance.obligationId } : state.attendanceNoticesOpen,
        measureIds: { ...state.measureIds, [event.data.measureId]: event.data.measure },
        suspensions:
          event.data.measure === 'suspension' && event.data.startsOn && event.data.endsOn
            ? [
                ...state.suspensions,
                { subjectId: event.data.subjectId, measureId: event.data.measureId, startsOn: event.data.startsOn, endsOn: event.data.endsOn },
              ]
            : state.suspensions,
        informParentsOpen: inform ? { ...state.informParentsOpen, [event.data.measureId]: inform.obligationId } : state.informParentsOpen,
        inspectorateReportsOpen: report ? { ...state.inspectorateReportsOpen, [event.data.measureId]: report.obligationId } : state.inspectorateReportsOpen,
      };
    }
    case 'InspectorateReported': {
      const closed = withObligations(state, [], [event.data.closesObligationId]);
      if (state.attendanceNoticesOpen[event.data.regarding] === event.data.closesObligationId) {
        const { [event.data.regarding]: _done, ...stillOpen } = state.attendanceNoticesOpen;
        return { ...closed, attendanceNoticesOpen: stillOpen };
      }
      const { [event.data.regarding]: _closed, ...stillOpen } = state.inspectorateReportsOpen;
      return { ...closed, inspectorateReportsOpen: stillOpen };
    }
    case 'HearingHeld':
      return {
        ...withHeard(state, event.data.heardPersonId),
        hearingLog: [...state.hearingLog, { heardAs: event.data.heardAs ?? null, ofPupilId: event.data.ofPupilId ?? null }],
        knownIds: state.knownIds.with(event.data.hearingId),
      };
    case 'RemovalIntended':
      return {
        ...state,
        knownIds: state.knownIds.with(event.data.intentionId),
        removalIntentions: [...state.removalIntentions, { subjectId: event.data.subjectId, hearingsBefore: state.hearingLog.length }],
      };
    case 'RemovalPlacementRecorded': {
      const removal = state.removals[event.data.regarding];
      const placed = removal ? { ...state.removals, [event.data.regarding]: { ...removal, placed: true } } : state.removals;
      return { ...withObligations(state, [], [event.data.closesObligationId]), removals: placed };
    }
    case 'RemovalObjected': {
      const removal = state.removals[event.data.regarding];
      const objection = {
        subjectId: event.data.subjectId,
        obligationId: event.data.obligations[0]?.obligationId ?? '',
        hearingsBefore: state.hearingLog.length,
        decided: false,
      };
      return {
        ...withObligations(state, event.data.obligations, event.data.closesObligationIds),
        removals: removal ? { ...state.removals, [event.data.regarding]: { ...removal, objected: true } } : state.removals,
        objections: { ...state.objections, [event.data.objectionId]: objection },
      };
    }
    case 'ObjectionDecided': {
      const objection = state.objections[event.data.objectionId];
      const decided = objection ? { ...state.objections, [event.data.objectionId]: { ...objection, decided: true } } : state.objections;
      return { ...withObligations(state, [], [event.data.closesObligationId]), objections: decided };
    }
    case 'ParentsInformed': {
      const { [event.data.regarding]: _closed, ...stillOpen } = state.informParentsOpen;
      return { ...withObligations(state, [], [event.data.closesObligationId]), informParentsOpen: stillOpen };
    }
    case 'MeasureWithdrawn':
      // COR1: a withdrawn suspension no longer counts towards P5's week.
      return { ...state, ...evolveCase(state, event), suspensions: state.suspensions.filter((s) => s.measureId !== event.data.withdrawnId) };
    default:
      return isCaseEvent(event) ? { ...state, ...evolveCase(state, event) } : assertNever(event);
  }
}

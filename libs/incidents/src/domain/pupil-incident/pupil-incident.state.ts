import { isCaseEvent } from '../case/case.events';
import { type CaseState, evolveCase, initialCaseState, withObligations } from '../case/case.state';
import type { PersonKind } from '../case/involved-person';
import { assertNever } from '../shared/rule-violation';
import type { PupilIncidentEvent, PupilMeasure } from './pupil-incident.events';
import type { SuspensionPeriod } from './suspension-chain';

export interface PupilIncidentState extends CaseState {
  /** Open "inform parents" obligations by the measure they regard (P2). */
  readonly informParentsOpen: Readonly<Record<string, string>>;
  /** The measures of the case by id: P5 and P6 need to know which were suspensions and removals. */
  readonly measureIds: Readonly<Record<string, PupilMeasure>>;
  /** P5: the case's suspensions, to refuse chained ones that together exceed five school days. */
  readonly suspensions: readonly (SuspensionPeriod & { readonly subjectId: string })[];
  /** P5: open Inspectorate reports by the suspension they regard. */
  readonly inspectorateReportsOpen: Readonly<Record<string, string>>;
  /** P6: the kinds of people heard, for the hearings a removal needs. */
  readonly heardKinds: readonly PersonKind[];
}

export const initialPupilIncidentState: PupilIncidentState = {
  ...initialCaseState,
  informParentsOpen: {},
  inspectorateReportsOpen: {},
  measureIds: {},
  suspensions: [],
  heardKinds: [],
};

export function evolvePupilIncident(state: PupilIncidentState, event: PupilIncidentEvent): PupilIncidentState {
  switch (event.type) {
    case 'MeasureImposed': {
      const inform = event.data.obligations.find((o) => o.kind === 'inform-parents');
      const report = event.data.obligations.find((o) => o.kind === 'report-suspension-to-inspectorate');
      return {
        ...withObligations(state, event.data.obligations),
        measureIds: { ...state.measureIds, [event.data.measureId]: event.data.measure },
        suspensions:
          event.data.measure === 'suspension' && event.data.startsOn && event.data.endsOn
            ? [...state.suspensions, { subjectId: event.data.subjectId, startsOn: event.data.startsOn, endsOn: event.data.endsOn }]
            : state.suspensions,
        informParentsOpen: inform ? { ...state.informParentsOpen, [event.data.measureId]: inform.obligationId } : state.informParentsOpen,
        inspectorateReportsOpen: report ? { ...state.inspectorateReportsOpen, [event.data.measureId]: report.obligationId } : state.inspectorateReportsOpen,
      };
    }
    case 'InspectorateReported': {
      const { [event.data.regarding]: _closed, ...stillOpen } = state.inspectorateReportsOpen;
      return { ...withObligations(state, [], [event.data.closesObligationId]), inspectorateReportsOpen: stillOpen };
    }
    case 'HearingHeld':
      return {
        ...state,
        heardKinds: [...state.heardKinds, event.data.heardPersonKind],
        knownIds: state.knownIds.with(event.data.hearingId),
      };
    case 'ParentsInformed': {
      const { [event.data.regarding]: _closed, ...stillOpen } = state.informParentsOpen;
      return { ...withObligations(state, [], [event.data.closesObligationId]), informParentsOpen: stillOpen };
    }
    default:
      return isCaseEvent(event) ? { ...state, ...evolveCase(state, event) } : assertNever(event);
  }
}

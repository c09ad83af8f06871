import { IdSet } from '../shared/id-set';
import { assertNever } from '../shared/rule-violation';
import type { CaseEvent, CaseKind } from './case.events';
import type { InvolvedPerson } from './involved-person';

/** What the deciders need of any case, folded from its common events. */
export interface CaseState {
  readonly reported: boolean;
  readonly incidentId: string;
  readonly kind: CaseKind | null;
  readonly schoolId: string;
  readonly category: string;
  readonly reportedBy: string;
  readonly involved: readonly InvolvedPerson[];
  readonly closed: boolean;
  readonly scopeAssessed: boolean;
  /** Evidence, correspondence and hearing ids recorded so far (and a staff case's measures and consultations). */
  readonly knownIds: IdSet;
  /** Criminal-report decisions opened from this case (P4), in order. */
  readonly criminalReportDecisions: readonly string[];
}

export const initialCaseState: CaseState = {
  reported: false,
  incidentId: '',
  kind: null,
  schoolId: '',
  category: '',
  reportedBy: '',
  involved: [],
  closed: false,
  scopeAssessed: false,
  knownIds: IdSet.empty,
  criminalReportDecisions: [],
};

export function evolveCase(state: CaseState, event: CaseEvent): CaseState {
  switch (event.type) {
    case 'IncidentReported':
      return {
        ...state,
        reported: true,
        incidentId: event.data.incidentId,
        kind: event.data.kind,
        schoolId: event.data.schoolId,
        category: event.data.category,
        reportedBy: event.data.reportedBy,
        involved: event.data.involved,
      };
    case 'ScopeAssessed':
      return { ...state, scopeAssessed: true };
    case 'EvidenceAdded':
      return { ...state, knownIds: state.knownIds.with(event.data.evidenceId) };
    case 'CorrespondenceRecorded':
      return { ...state, knownIds: state.knownIds.with(event.data.correspondenceId) };
    case 'IncidentClosed':
      return { ...state, closed: true };
    case 'IncidentReopened':
      return { ...state, closed: false };
    case 'CriminalReportDecisionLinked':
      return { ...state, criminalReportDecisions: [...state.criminalReportDecisions, event.data.decisionId] };
    default:
      return assertNever(event);
  }
}

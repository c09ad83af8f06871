import { IdSet } from '../shared/id-set';
import type { ObligationKind, OpenedObligation } from '../shared/obligation';
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
  /** CLOSE1: the obligations this case's own events opened and nothing closed yet, by id. */
  readonly openObligations: Readonly<Record<string, ObligationKind>>;
  /** COR1: measures withdrawn (they stay in the history; rules no longer count them). */
  readonly withdrawnMeasures: readonly string[];
  /** CI1: everyone heard in the case (they are excluded from it like the involved). */
  readonly heardPeople: readonly string[];
  /** The case's number, once the counter gave it one. */
  readonly caseNumber: string | null;
  /** Who handles the case (caseload), when someone was assigned. */
  readonly ownerId: string | null;
  /** B3: the case ever had a statutory inspector item (it can then never be closed as out of scope). */
  readonly statutory: boolean;
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
  openObligations: {},
  caseNumber: null,
  ownerId: null,
  heardPeople: [],
  withdrawnMeasures: [],
  statutory: false,
};

/** CI1: someone was heard in the case. */
export function withHeard<S extends CaseState>(state: S, personId: string): S {
  return state.heardPeople.includes(personId) ? state : { ...state, heardPeople: [...state.heardPeople, personId] };
}

/** CLOSE1: the case's open obligations after an event that opens and/or closes some (P2, P5, P6, B1, B3). */
export function withObligations<S extends CaseState>(state: S, opened: readonly OpenedObligation[], closed: readonly string[] = []): S {
  const openObligations: Record<string, ObligationKind> = { ...state.openObligations };
  for (const o of opened) openObligations[o.obligationId] = o.kind;
  for (const id of closed) delete openObligations[id];
  return { ...state, openObligations, statutory: state.statutory || opened.some((o) => o.kind === 'inspector-call-statutory') };
}

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
    case 'CaseNumbered':
      return { ...state, caseNumber: event.data.caseNumber };
    case 'CaseAssigned':
      return { ...state, ownerId: event.data.ownerId };
    case 'IncidentReclassified':
      return { ...state, category: event.data.to };
    case 'InvolvedPersonAdded':
      return { ...state, involved: [...state.involved, ...event.data.involved] };
    case 'MeasureWithdrawn':
      return { ...state, withdrawnMeasures: [...state.withdrawnMeasures, event.data.withdrawnId] };
    case 'ObligationWaived':
      return withObligations(state, [], [event.data.obligationId]);
    case 'IncidentReopened':
      return { ...state, closed: false };
    case 'CriminalReportDecisionLinked':
      return { ...state, criminalReportDecisions: [...state.criminalReportDecisions, event.data.decisionId] };
    default:
      return assertNever(event);
  }
}

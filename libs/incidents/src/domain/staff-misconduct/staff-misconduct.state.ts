import { isCaseEvent } from '../case/case.events';
import { type CaseState, evolveCase, initialCaseState, withHeard, withObligations } from '../case/case.state';
import { assertNever } from '../shared/rule-violation';
import type { DisciplinaryMeasure, InspectorConclusion, StaffMisconductEvent, StaffQualification } from './staff-misconduct.events';

export interface StaffMisconductState extends CaseState {
  /** S8: the qualifications in force (a withdrawn one no longer counts, COR1). */
  readonly qualifications: readonly StaffQualification[];
  /** COR1 (#32): qualifications by id (what a withdrawal may name). */
  readonly qualificationKinds: Readonly<Record<string, StaffQualification>>;
  /** Open inspector-queue items: obligation id → basis (B1 policy, B3 statutory). */
  readonly inspectorItemsOpen: Readonly<Record<string, 'policy' | 'statutory'>>;
  /** B3: the conclusion of the statutory consultation, once the call is recorded. */
  readonly statutoryConclusion: InspectorConclusion | null;
  /** S12: the announced intentions, and who was heard when (for the hearing that must follow one). */
  readonly intentions: readonly { readonly subjectId: string; readonly measure: DisciplinaryMeasure; readonly announcedAt: string }[];
  readonly hearings: readonly { readonly heardPersonId: string; readonly heardAt: string }[];
  /** COR1: the disciplinary measures by id (what a withdrawal may name). */
  readonly measureKinds: Readonly<Record<string, DisciplinaryMeasure>>;
  /** S13: dismissal procedures by id. */
  readonly dismissalProcedures: Readonly<Record<string, { readonly subjectId: string; readonly startedAt: string; readonly concluded: boolean }>>;
}

export const initialStaffMisconductState: StaffMisconductState = {
  ...initialCaseState,
  qualifications: [],
  qualificationKinds: {},
  inspectorItemsOpen: {},
  statutoryConclusion: null,
  intentions: [],
  hearings: [],
  dismissalProcedures: {},
  measureKinds: {},
};

export function evolveStaffMisconduct(state: StaffMisconductState, event: StaffMisconductEvent): StaffMisconductState {
  switch (event.type) {
    case 'StaffConductQualified': {
      const { qualificationId, qualification } = event.data;
      return {
        ...state,
        qualifications: [...state.qualifications, qualification],
        ...(qualificationId
          ? { knownIds: state.knownIds.with(qualificationId), qualificationKinds: { ...state.qualificationKinds, [qualificationId]: qualification } }
          : {}),
      };
    }
    case 'MeasureWithdrawn': {
      // COR1 (#32): a withdrawn qualification no longer counts (S9 follows it); a measure's withdrawal, as for every case.
      const withdrawnQualification = state.qualificationKinds[event.data.withdrawnId];
      const next = { ...state, ...evolveCase(state, event) };
      return withdrawnQualification ? { ...next, qualifications: state.qualifications.filter((q) => q !== withdrawnQualification) } : next;
    }
    case 'InspectorNotificationQueued':
      return {
        ...withObligations(state, [event.data.obligation]),
        inspectorItemsOpen: { ...state.inspectorItemsOpen, [event.data.obligation.obligationId]: event.data.basis },
      };
    case 'InspectorCalled': {
      const hadStatutory = Object.values(state.inspectorItemsOpen).includes('statutory');
      return {
        ...withObligations(state, [], event.data.closesObligationIds),
        inspectorItemsOpen: {},
        statutoryConclusion: hadStatutory ? event.data.conclusion : state.statutoryConclusion,
      };
    }
    case 'ManagerConsulted':
      return { ...state, knownIds: state.knownIds.with(event.data.consultationId) };
    case 'DisciplinaryMeasureImposed':
      return {
        ...state,
        knownIds: state.knownIds.with(event.data.measureId),
        measureKinds: { ...state.measureKinds, [event.data.measureId]: event.data.measure },
      };
    case 'DisciplinaryIntentionAnnounced': {
      const { subjectId, measure, announcedAt } = event.data;
      return { ...state, knownIds: state.knownIds.with(event.data.intentionId), intentions: [...state.intentions, { subjectId, measure, announcedAt }] };
    }
    case 'HearingHeld':
      return {
        ...withHeard(state, event.data.heardPersonId),
        knownIds: state.knownIds.with(event.data.hearingId),
        hearings: [...state.hearings, { heardPersonId: event.data.heardPersonId, heardAt: event.data.heardAt }],
      };
    case 'DismissalProcedureStarted': {
      const { procedureId, subjectId, startedAt } = event.data;
      return { ...state, dismissalProcedures: { ...state.dismissalProcedures, [procedureId]: { subjectId, startedAt, concluded: false } } };
    }
    case 'DismissalProcedureConcluded': {
      const procedure = state.dismissalProcedures[event.data.procedureId];
      if (!procedure) return state;
      return { ...state, dismissalProcedures: { ...state.dismissalProcedures, [event.data.procedureId]: { ...procedure, concluded: true } } };
    }
    default:
      return isCaseEvent(event) ? { ...state, ...evolveCase(state, event) } : assertNever(event);
  }
}

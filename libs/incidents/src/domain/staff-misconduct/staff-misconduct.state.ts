import { isCaseEvent } from '../case/case.events';
import { type CaseState, evolveCase, initialCaseState } from '../case/case.state';
import { assertNever } from '../shared/rule-violation';
import type { InspectorConclusion, StaffMisconductEvent, StaffQualification } from './staff-misconduct.events';

export interface StaffMisconductState extends CaseState {
  readonly qualifications: readonly StaffQualification[];
  /** Open inspector-queue items: obligation id → basis (B1 policy, B3 statutory). */
  readonly inspectorItemsOpen: Readonly<Record<string, 'policy' | 'statutory'>>;
  /** B3: the conclusion of the statutory consultation, once the call is recorded. */
  readonly statutoryConclusion: InspectorConclusion | null;
}

export const initialStaffMisconductState: StaffMisconductState = {
  ...initialCaseState,
  qualifications: [],
  inspectorItemsOpen: {},
  statutoryConclusion: null,
};

export function evolveStaffMisconduct(state: StaffMisconductState, event: StaffMisconductEvent): StaffMisconductState {
  switch (event.type) {
    case 'StaffConductQualified':
      return { ...state, qualifications: [...state.qualifications, event.data.qualification] };
    case 'InspectorNotificationQueued':
      return { ...state, inspectorItemsOpen: { ...state.inspectorItemsOpen, [event.data.obligation.obligationId]: event.data.basis } };
    case 'InspectorCalled': {
      const hadStatutory = Object.values(state.inspectorItemsOpen).includes('statutory');
      return {
        ...state,
        inspectorItemsOpen: {},
        statutoryConclusion: hadStatutory ? event.data.conclusion : state.statutoryConclusion,
      };
    }
    case 'ManagerConsulted':
      return { ...state, knownIds: state.knownIds.with(event.data.consultationId) };
    case 'DisciplinaryMeasureImposed':
      return { ...state, knownIds: state.knownIds.with(event.data.measureId) };
    default:
      return isCaseEvent(event) ? { ...state, ...evolveCase(state, event) } : assertNever(event);
  }
}

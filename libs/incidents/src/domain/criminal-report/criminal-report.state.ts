import { assertNever } from '../shared/rule-violation';
import type { CriminalReportDecisionKind, CriminalReportEvent } from './criminal-report.events';

export interface CriminalReportState {
  readonly opened: boolean;
  readonly schoolId: string;
  readonly sourceIncidentId: string;
  readonly statutory: boolean;
  readonly decision: CriminalReportDecisionKind | null;
  readonly policeReportObligationId: string | null;
  readonly policeReportFiled: boolean;
}

export const initialCriminalReportState: CriminalReportState = {
  opened: false,
  schoolId: '',
  sourceIncidentId: '',
  statutory: false,
  decision: null,
  policeReportObligationId: null,
  policeReportFiled: false,
};

export function evolveCriminalReport(state: CriminalReportState, event: CriminalReportEvent): CriminalReportState {
  switch (event.type) {
    case 'CriminalReportDecisionOpened':
      return { ...state, opened: true, schoolId: event.data.schoolId, sourceIncidentId: event.data.sourceIncidentId, statutory: event.data.statutory };
    case 'CriminalReportDecided':
      return {
        ...state,
        decision: event.data.decision,
        policeReportObligationId: event.data.obligations.find((o) => o.kind === 'police-report')?.obligationId ?? null,
      };
    case 'PoliceReportFiled':
      return { ...state, policeReportFiled: true };
    default:
      return assertNever(event);
  }
}

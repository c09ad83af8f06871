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
  /** When the police report was filed (B3: the notices come before it). */
  readonly policeReportFiledAt: string | null;
  /** B3: the notices before the police report still to give, by whom they are for. */
  readonly noticesOpen: Readonly<Partial<Record<'parents' | 'accused', string>>>;
}

export const initialCriminalReportState: CriminalReportState = {
  opened: false,
  schoolId: '',
  sourceIncidentId: '',
  statutory: false,
  decision: null,
  policeReportObligationId: null,
  policeReportFiled: false,
  policeReportFiledAt: null,
  noticesOpen: {},
};

export function evolveCriminalReport(state: CriminalReportState, event: CriminalReportEvent): CriminalReportState {
  switch (event.type) {
    case 'CriminalReportDecisionOpened':
      return { ...state, opened: true, schoolId: event.data.schoolId, sourceIncidentId: event.data.sourceIncidentId, statutory: event.data.statutory };
    case 'CriminalReportDecided': {
      const notice = (kind: string) => event.data.obligations.find((o) => o.kind === kind)?.obligationId;
      const parents = notice('inform-parents-before-police-report');
      const accused = notice('inform-accused-before-police-report');
      return {
        ...state,
        decision: event.data.decision,
        policeReportObligationId: event.data.obligations.find((o) => o.kind === 'police-report')?.obligationId ?? null,
        noticesOpen: { ...(parents ? { parents } : {}), ...(accused ? { accused } : {}) },
      };
    }
    case 'PoliceReportFiled':
      return { ...state, policeReportFiled: true, policeReportFiledAt: event.data.filedAt };
    case 'StatutoryNoticeGiven': {
      const { [event.data.informed]: _given, ...stillOpen } = state.noticesOpen;
      return { ...state, noticesOpen: stillOpen };
    }
    default:
      return assertNever(event);
  }
}

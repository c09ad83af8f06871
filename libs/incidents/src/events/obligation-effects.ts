import type { OpenedObligation } from '../domain/shared/obligation';
import type { DomainEventType, EventOfType } from './domain-events';

/** What one event does to obligations (P2, P5, P6, M2, M6, E2, E3, B1–B3): the ones it opens, the ones it closes. */
export interface ObligationEffects {
  readonly opened: readonly OpenedObligation[];
  readonly closed: readonly string[];
  /** Open obligations now due earlier (B3 with FACT1: the notices due at the police report's filing). */
  readonly dueEarlier?: readonly { readonly obligationId: string; readonly dueAt: string }[];
}

const opens = (opened: readonly OpenedObligation[]): ObligationEffects => ({ opened, closed: [] });
const closes = (...closed: readonly string[]): ObligationEffects => ({ opened: [], closed });

/**
 * Every event type, and whether it opens or closes obligations (`null`: neither). Keyed by the domain's union: a
 * new event type does not compile until it says. The obligations read model and the integration events read it.
 */
export const OBLIGATION_EFFECTS: { readonly [T in DomainEventType]: ((data: EventOfType<T>['data']) => ObligationEffects) | null } = {
  IncidentReported: null,
  ScopeAssessed: null,
  EvidenceAdded: null,
  CorrespondenceRecorded: null,
  IncidentClosed: null,
  // CLOSE1: a waived obligation is no longer open (the case view shows it as waived).
  ObligationWaived: (data) => closes(data.obligationId),
  IncidentReopened: null,
  CaseNumbered: null,
  IncidentReclassified: null,
  InvolvedPersonAdded: null,
  MeasureWithdrawn: null,
  CaseNumberAssigned: null,
  CaseAssigned: null,
  // The directory opens no duty (DIR1–DIR3).
  PersonRegistered: null,
  PersonChanged: null,
  PersonLeft: null,
  SchoolRegistered: null,
  SchoolChanged: null,
  // P5: a booking counts suspensions; the case's measure carries their obligations.
  SuspensionBooked: null,
  SuspensionBookingReleased: null,
  CriminalReportDecisionLinked: null,
  MeasureImposed: (data) => opens(data.obligations),
  HearingHeld: null,
  InspectorateReported: (data) => closes(data.closesObligationId),
  RemovalIntended: null,
  RemovalPlacementRecorded: (data) => closes(data.closesObligationId),
  RemovalObjected: (data) => ({ opened: data.obligations, closed: data.closesObligationIds }),
  ObjectionDecided: (data) => closes(data.closesObligationId),
  ParentsInformed: (data) => closes(data.closesObligationId),
  StaffConductQualified: null,
  InspectorNotificationQueued: (data) => opens([data.obligation]),
  InspectorCalled: (data) => closes(...data.closesObligationIds),
  ManagerConsulted: null,
  DisciplinaryMeasureImposed: null,
  DisciplinaryIntentionAnnounced: null,
  DismissalProcedureStarted: null,
  DismissalProcedureConcluded: null,
  CriminalReportDecisionOpened: null,
  CriminalReportDecided: (data) => opens(data.obligations),
  // B3 with FACT1 (#32): notices still open at the filing are due at the filing.
  PoliceReportFiled: (data) => ({
    opened: [],
    closed: [data.closesObligationId],
    dueEarlier: (data.noticesDueAtFiling ?? []).map((obligationId) => ({ obligationId, dueAt: data.filedAt })),
  }),
  StatutoryNoticeGiven: (data) => closes(data.closesObligationId),
  DeviceTakenIntoCustody: (data) => opens(data.obligations),
  DeviceReturned: (data) => closes(data.closesObligationId),
  // M6: overdue, not done: the return obligation stays open (and shows as overdue).
  DeviceReturnOverdue: null,
  EmailAccountSuspended: (data) => opens(data.obligations),
  EmailUseWarned: (data) => opens(data.obligations),
  ConsentGiven: null,
  ConsentRefused: null,
  ConsentWithdrawn: null,
  RecordingPermissionGranted: null,
  DossierRead: null,
  PersonDeparted: null,
  PersonDataErased: null,
  LegalHoldPlaced: null,
  LegalHoldLifted: null,
};

const NONE: ObligationEffects = { opened: [], closed: [] };

export function obligationEffectsOf(event: { readonly type: DomainEventType; readonly data: unknown }): ObligationEffects {
  const effects = OBLIGATION_EFFECTS[event.type] as ((data: unknown) => ObligationEffects) | null;
  return effects ? effects(event.data) : NONE;
}

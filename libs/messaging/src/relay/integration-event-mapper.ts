import { type CaseKind, caseOfStream, idIn } from '@casebook/event-store';
import type { OpenedObligation, RecordedEventOf } from '@casebook/incidents';
import { CONTRACTS, type IntegrationMessage } from '../contracts/integration-event-contracts';

/** Streams whose events may become integration events. */
export const RELAY_CATEGORIES = ['pupil-incident', 'staff-misconduct', 'criminal-report', 'pupil-conduct'] as const;
type RelayCategory = (typeof RELAY_CATEGORIES)[number];
type RelayedEvent = RecordedEventOf<RelayCategory>;

/** A message for the topic, with its partitioning key: the case, the decision or the pupil it is about. */
export interface KeyedMessage {
  readonly key: string;
  readonly message: IntegrationMessage;
}

/** What every mapping of one event shares: where it comes from, and how its messages are made. */
interface Source {
  readonly key: string;
  readonly kase: { readonly kind: CaseKind; readonly incidentId: string } | null;
  readonly pupilId: string | null;
  readonly decisionId: string | null;
  /** The envelope of the event's n-th message (the first keeps the event id, the others a derived one). */
  envelope(type: string, index?: number): IntegrationMessage;
}

/**
 * Domain event → integration events, for every event type of the relayed streams (a new type does not compile
 * until it says what it becomes: `[]` for "nothing"). Only ids, kinds, categories and moments are copied; summaries,
 * reasons and names stay behind.
 */
const MESSAGES: { readonly [T in RelayedEvent['type']]: (event: Extract<RelayedEvent, { readonly type: T }>, source: Source) => KeyedMessage[] } = {
  IncidentReported: (event, { key, kase, envelope }) =>
    kase
      ? [
          {
            key,
            message: {
              ...envelope(CONTRACTS.incidentReported.type),
              incidentId: kase.incidentId,
              caseKind: kase.kind,
              category: event.data.category,
              involvedCount: event.data.involved.length,
            },
          },
        ]
      : [],
  MeasureImposed: (event, source) => [...measureImposed(event.data, source), ...parentsDue(event.data.obligations, 1, event.data.subjectId, source)],
  DisciplinaryMeasureImposed: (event, source) => measureImposed(event.data, source),
  DeviceTakenIntoCustody: (event, source) => parentsDue(event.data.obligations, 0, null, source),
  EmailAccountSuspended: (event, source) => parentsDue(event.data.obligations, 0, null, source),
  EmailUseWarned: (event, source) => parentsDue(event.data.obligations, 0, null, source),
  InspectorNotificationQueued: (event, { key, kase, envelope }) => {
    const { obligation, basis } = event.data;
    return kase
      ? [
          {
            key,
            message: {
              ...envelope(CONTRACTS.inspectorNotificationDue.type),
              obligationId: obligation.obligationId,
              incidentId: kase.incidentId,
              basis,
              dueAt: obligation.dueAt,
            },
          },
        ]
      : [];
  },
  InspectorCalled: (event, { key, kase, envelope }) =>
    kase
      ? [
          {
            key,
            message: {
              ...envelope(CONTRACTS.inspectorNotified.type),
              incidentId: kase.incidentId,
              obligationIds: event.data.closesObligationIds,
              calledAt: event.data.calledAt,
              conclusion: event.data.conclusion ?? null,
            },
          },
        ]
      : [],
  CriminalReportDecided: (event, { key, decisionId, envelope }) => {
    const police = event.data.obligations.find((o) => o.kind === 'police-report');
    return [
      {
        key,
        message: {
          ...envelope(CONTRACTS.criminalReportDecided.type),
          decisionId,
          decision: event.data.decision,
          policeReportObligationId: police?.obligationId ?? null,
          policeReportDueAt: police?.dueAt ?? null,
        },
      },
    ];
  },
  PoliceReportFiled: (event, { key, decisionId, envelope }) => [
    {
      key,
      message: { ...envelope(CONTRACTS.policeReportFiled.type), decisionId, filedAt: event.data.filedAt, closesObligationId: event.data.closesObligationId },
    },
  ],
  // M6: the overdue device, once, as recorded on the pupil's stream (it happened at its due time).
  DeviceReturnOverdue: (event, { key, envelope }) => {
    const { custodyId, pupilId, offenceNumber, obligationId, dueAt } = event.data;
    return [{ key, message: { ...envelope(CONTRACTS.deviceCustodyDue.type), occurredAt: dueAt, custodyId, pupilId, offenceNumber, obligationId, dueAt } }];
  },
  IncidentClosed: (event, { key, kase, envelope }) =>
    kase
      ? [
          {
            key,
            message: {
              ...envelope(CONTRACTS.incidentClosed.type),
              incidentId: kase.incidentId,
              caseKind: kase.kind,
              notApplicable: event.data.outcome === 'not-applicable',
            },
          },
        ]
      : [],
  // No one outside needs these (or they carry only what the case's own messages say).
  ScopeAssessed: () => [],
  // P5's bookings are the write side's bookkeeping: the measure on the case is what is published.
  SuspensionBooked: () => [],
  SuspensionBookingReleased: () => [],
  EvidenceAdded: () => [],
  CorrespondenceRecorded: () => [],
  IncidentReopened: () => [],
  CaseNumbered: () => [],
  // Who handles a case is internal to the school board.
  CaseAssigned: () => [],
  IncidentReclassified: () => [],
  InvolvedPersonAdded: () => [],
  MeasureWithdrawn: () => [],
  ObligationWaived: () => [],
  CriminalReportDecisionLinked: () => [],
  HearingHeld: () => [],
  InspectorateReported: () => [],
  RemovalIntended: () => [],
  RemovalPlacementRecorded: () => [],
  RemovalObjected: () => [],
  ObjectionDecided: () => [],
  ParentsInformed: () => [],
  StaffConductQualified: () => [],
  ManagerConsulted: () => [],
  DisciplinaryIntentionAnnounced: () => [],
  DismissalProcedureStarted: () => [],
  DismissalProcedureConcluded: () => [],
  CriminalReportDecisionOpened: () => [],
  StatutoryNoticeGiven: () => [],
  DeviceReturned: () => [],
};

function measureImposed(
  data: { readonly measureId: string; readonly subjectId: string; readonly measure: string; readonly startsOn: string | null; readonly endsOn: string | null },
  { key, kase, envelope }: Source,
): KeyedMessage[] {
  if (!kase) return [];
  return [
    {
      key,
      message: {
        ...envelope(CONTRACTS.measureImposed.type),
        incidentId: kase.incidentId,
        measureId: data.measureId,
        subjectId: data.subjectId,
        measure: data.measure,
        startsOn: data.startsOn ?? null,
        endsOn: data.endsOn ?? null,
      },
    },
  ];
}

/** P2, M2, E2, E3: each "inform parents" obligation an event opens is a reminder due. */
function parentsDue(
  obligations: readonly OpenedObligation[],
  first: number,
  subjectId: string | null,
  { key, kase, pupilId, envelope }: Source,
): KeyedMessage[] {
  return obligations
    .filter((o) => o.kind === 'inform-parents')
    .map((o, i) => ({
      key,
      message: {
        ...envelope(CONTRACTS.parentsNotificationDue.type, first + i),
        obligationId: o.obligationId,
        regarding: o.regarding,
        incidentId: kase?.incidentId ?? null,
        pupilId: pupilId ?? (kase?.kind === 'pupil-incident' ? subjectId : null),
        dueAt: o.dueAt,
      },
    }));
}

/** The integration events of one domain event of a relayed stream. */
export function toIntegrationMessages(event: RelayedEvent): KeyedMessage[] {
  const kase = caseOfStream(event.streamId);
  const pupilId = idIn('pupil-conduct', event.streamId);
  const decisionId = idIn('criminal-report', event.streamId);
  const source: Source = {
    key: kase?.incidentId ?? pupilId ?? decisionId ?? event.streamId,
    kase,
    pupilId,
    decisionId,
    envelope: (type, index = 0) => ({
      // One domain event may give several messages: the first keeps the event id, the others a derived one.
      eventId: index === 0 ? event.eventId : derivedId(event.eventId, index),
      type,
      schemaVersion: 1 as const,
      schoolId: event.metadata.schoolId,
      occurredAt: event.metadata.occurredAt,
      recordedAt: event.metadata.recordedAt,
    }),
  };
  return (MESSAGES[event.type] as (event: RelayedEvent, source: Source) => KeyedMessage[])(event, source);
}

/** A stable id for the n-th extra message of an event: same event, same id, so consumers can dedupe. */
function derivedId(eventId: string, index: number): string {
  const hex = eventId.replace(/-/g, '');
  const tail = ((parseInt(hex.slice(-4), 16) + index * 0x1111) & 0xffff).toString(16).padStart(4, '0');
  const mixed = `${hex.slice(0, 12)}8${hex.slice(13, 16)}${hex.slice(16, 28)}${tail}`; // version nibble 8: "derived"
  return `${mixed.slice(0, 8)}-${mixed.slice(8, 12)}-${mixed.slice(12, 16)}-${mixed.slice(16, 20)}-${mixed.slice(20)}`;
}

import type { RecordedEvent } from '@casebook/event-store';
import { CONTRACTS, type IntegrationMessage } from '../contracts/integration-event-contracts';

/** A message for the topic, with its partitioning key: the case, the decision or the pupil it is about. */
export interface KeyedMessage {
  readonly key: string;
  readonly message: IntegrationMessage;
}

type Data = Readonly<Record<string, unknown>>;
type Obligation = { readonly obligationId: string; readonly kind: string; readonly regarding: string; readonly dueAt: string };

const caseOf = (streamId: string): { kind: 'pupil-incident' | 'staff-misconduct'; id: string } | null => {
  for (const kind of ['pupil-incident', 'staff-misconduct'] as const) if (streamId.startsWith(`${kind}-`)) return { kind, id: streamId.slice(kind.length + 1) };
  return null;
};

/**
 * Domain event → integration events. Only ids, kinds, categories and moments are copied; everything else in
 * the domain event (summaries, reasons, names) stays behind. Events no one outside needs map to nothing.
 */
export function toIntegrationMessages(event: RecordedEvent): KeyedMessage[] {
  const data = (event.data ?? {}) as Data;
  const kase = caseOf(event.streamId);
  const pupil = event.streamId.startsWith('pupil-conduct-') ? event.streamId.slice('pupil-conduct-'.length) : null;
  const decision = event.streamId.startsWith('criminal-report-') ? event.streamId.slice('criminal-report-'.length) : null;
  const key = kase?.id ?? pupil ?? decision ?? event.streamId;
  const envelope = (type: string, index = 0) => ({
    // One domain event may give several messages: the first keeps the event id, the others a derived one.
    eventId: index === 0 ? event.eventId : derivedId(event.eventId, index),
    type,
    schemaVersion: 1 as const,
    schoolId: event.metadata.schoolId,
    occurredAt: event.metadata.occurredAt,
    recordedAt: event.metadata.recordedAt,
  });
  const obligations = (Array.isArray(data['obligations']) ? data['obligations'] : []) as Obligation[];
  const parentsDue = (first: number): KeyedMessage[] =>
    obligations
      .filter((o) => o.kind === 'inform-parents')
      .map((o, i) => ({
        key,
        message: { ...envelope(CONTRACTS.parentsNotificationDue.type, first + i), obligationId: o.obligationId, regarding: o.regarding, incidentId: kase?.id ?? (typeof data['incidentId'] === 'string' ? data['incidentId'] : null), pupilId: pupil ?? (typeof data['subjectId'] === 'string' && kase?.kind === 'pupil-incident' ? data['subjectId'] : null), dueAt: o.dueAt },
      }));

  switch (event.type) {
    case 'IncidentReported':
      if (!kase) return [];
      return [{ key, message: { ...envelope(CONTRACTS.incidentReported.type), incidentId: kase.id, caseKind: kase.kind, category: data['category'], involvedCount: Array.isArray(data['involved']) ? data['involved'].length : 0 } }];
    case 'MeasureImposed':
    case 'DisciplinaryMeasureImposed':
      if (!kase) return [];
      return [
        { key, message: { ...envelope(CONTRACTS.measureImposed.type), incidentId: kase.id, measureId: data['measureId'], subjectId: data['subjectId'], measure: data['measure'], startsOn: data['startsOn'] ?? null, endsOn: data['endsOn'] ?? null } },
        ...parentsDue(1),
      ];
    case 'DeviceTakenIntoCustody':
    case 'EmailAccountSuspended':
    case 'EmailUseWarned':
      return parentsDue(0);
    case 'InspectorNotificationQueued': {
      const obligation = data['obligation'] as Obligation | undefined;
      if (!kase || !obligation) return [];
      return [{ key, message: { ...envelope(CONTRACTS.inspectorNotificationDue.type), obligationId: obligation.obligationId, incidentId: kase.id, basis: data['basis'], dueAt: obligation.dueAt } }];
    }
    case 'InspectorCalled':
      if (!kase) return [];
      return [{ key, message: { ...envelope(CONTRACTS.inspectorNotified.type), incidentId: kase.id, obligationIds: data['closesObligationIds'] ?? [], calledAt: data['calledAt'], conclusion: data['conclusion'] ?? null } }];
    case 'CriminalReportDecided': {
      const police = obligations.find((o) => o.kind === 'police-report');
      return [{ key, message: { ...envelope(CONTRACTS.criminalReportDecided.type), decisionId: decision, decision: data['decision'], policeReportObligationId: police?.obligationId ?? null, policeReportDueAt: police?.dueAt ?? null } }];
    }
    case 'PoliceReportFiled':
      return [{ key, message: { ...envelope(CONTRACTS.policeReportFiled.type), decisionId: decision, filedAt: data['filedAt'], closesObligationId: data['closesObligationId'] } }];
    case 'IncidentClosed':
      if (!kase) return [];
      return [{ key, message: { ...envelope(CONTRACTS.incidentClosed.type), incidentId: kase.id, caseKind: kase.kind, notApplicable: data['outcome'] === 'not-applicable' } }];
    default:
      return [];
  }
}

/** A stable id for the n-th extra message of an event: same event, same id, so consumers can dedupe. */
function derivedId(eventId: string, index: number): string {
  const hex = eventId.replace(/-/g, '');
  const tail = ((parseInt(hex.slice(-4), 16) + index * 0x1111) & 0xffff).toString(16).padStart(4, '0');
  const mixed = `${hex.slice(0, 12)}8${hex.slice(13, 16)}${hex.slice(16, 28)}${tail}`; // version nibble 8: "derived"
  return `${mixed.slice(0, 8)}-${mixed.slice(8, 12)}-${mixed.slice(12, 16)}-${mixed.slice(16, 20)}-${mixed.slice(20)}`;
}

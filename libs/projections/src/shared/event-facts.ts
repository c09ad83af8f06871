import type { RecordedEvent } from '@casebook/event-store';
import type { OpenedObligation } from '@casebook/incidents';

/** What several read models need to know of any event, read from its data without trusting its shape blindly. */
export type EventData = Readonly<Record<string, unknown>>;

export const dataOf = (event: RecordedEvent): EventData => (event.data ?? {}) as EventData;

/** `pupil-incident-<id>` / `staff-misconduct-<id>` → the incident id; other streams → null. */
export function incidentIdOf(streamId: string): string | null {
  for (const prefix of ['pupil-incident-', 'staff-misconduct-']) if (streamId.startsWith(prefix)) return streamId.slice(prefix.length);
  return null;
}

/** `pupil-conduct-<pupilId>` → the pupil id. */
export function conductPupilOf(streamId: string): string | null {
  return streamId.startsWith('pupil-conduct-') ? streamId.slice('pupil-conduct-'.length) : null;
}

/** Obligations an event opens and closes (P2, P5, P6, M2, M6, E2, E3, B1–B3): the events carry them. */
export function obligationChanges(event: RecordedEvent): { opened: OpenedObligation[]; closed: string[] } {
  const data = dataOf(event);
  const opened = [
    ...(Array.isArray(data['obligations']) ? (data['obligations'] as OpenedObligation[]) : []),
    ...(data['obligation'] && typeof data['obligation'] === 'object' ? [data['obligation'] as OpenedObligation] : []),
  ];
  const closed = [
    ...(typeof data['closesObligationId'] === 'string' ? [data['closesObligationId']] : []),
    ...(Array.isArray(data['closesObligationIds']) ? (data['closesObligationIds'] as string[]) : []),
  ];
  return { opened, closed };
}

/** Involved people of an `IncidentReported` event. */
export function involvedOf(event: RecordedEvent): { personId: string; personKind: string; role: string }[] {
  const involved = dataOf(event)['involved'];
  return Array.isArray(involved) ? (involved as { personId: string; personKind: string; role: string }[]) : [];
}

import { type RecordedEvent, streamIds } from '@casebook/event-store';

/**
 * The streams a case's export holds: the case itself and every criminal-report decision linked to it (P4: the
 * case records `CriminalReportDecisionLinked` for each decision opened from it).
 */
export function caseExportStreams(caseStreamId: string, caseEvents: readonly RecordedEvent[]): string[] {
  const decisions = caseEvents
    .filter((event) => event.type === 'CriminalReportDecisionLinked')
    .map((event) => streamIds.criminalReport(String((event.data as { decisionId?: unknown }).decisionId)));
  return [caseStreamId, ...new Set(decisions)];
}

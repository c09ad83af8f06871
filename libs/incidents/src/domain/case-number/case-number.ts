import type { CaseNumberAssigned } from './case-number.events';

/** `2026-0042`: at least four digits, more when a year has more cases. */
export function formatCaseNumber(year: number, sequence: number): string {
  return `${year}-${String(sequence).padStart(4, '0')}`;
}

/** A syntactically valid case number (for `GET /incidents?caseNumber=`). */
export const CASE_NUMBER_PATTERN = /^\d{4}-\d{4,}$/;

/**
 * The next number of a year's counter, pure: the case's own when it has one already (a retry), else the one after
 * the counter's last. `assigned` is the counter stream's events in order.
 */
export function decideCaseNumber(
  assigned: readonly CaseNumberAssigned[],
  claim: { readonly incidentId: string; readonly caseKind: CaseNumberAssigned['data']['caseKind']; readonly year: number },
): { readonly existing: string } | { readonly event: CaseNumberAssigned } {
  const own = assigned.find((event) => event.data.incidentId === claim.incidentId);
  if (own) return { existing: own.data.caseNumber };
  const sequence = assigned.length + 1;
  return { event: { type: 'CaseNumberAssigned', data: { ...claim, sequence, caseNumber: formatCaseNumber(claim.year, sequence) } } };
}

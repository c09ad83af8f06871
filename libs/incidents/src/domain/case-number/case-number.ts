import type { CaseNumberAssigned } from './case-number.events';

/** `2026-0042`: at least four digits, more when a year has more cases. */
export function formatCaseNumber(year: number, sequence: number): string {
  return `${year}-${String(sequence).padStart(4, '0')}`;
}

/** A syntactically valid case number (for `GET /incidents?caseNumber=`). */
export const CASE_NUMBER_PATTERN = /^\d{4}-\d{4,}$/;

/**
 * A year's counter as the decider needs it: how many numbers it has given, and the number a case holds. The
 * application keeps it indexed (a year can hold tens of thousands of cases; a scan per report would add up).
 */
export interface CaseCounter {
  readonly taken: number;
  numberOf(incidentId: string): string | undefined;
}

/** The counter its stream's events (in order) make. */
export function counterOf(assigned: readonly CaseNumberAssigned[]): CaseCounter {
  const numbers = new Map(assigned.map((event) => [event.data.incidentId, event.data.caseNumber]));
  return { taken: assigned.length, numberOf: (incidentId) => numbers.get(incidentId) };
}

/**
 * The next number of a year's counter, pure: the case's own when it has one already (a retry), else the one after
 * the counter's last.
 */
export function decideCaseNumber(
  counter: CaseCounter,
  claim: { readonly incidentId: string; readonly caseKind: CaseNumberAssigned['data']['caseKind']; readonly year: number },
): { readonly existing: string } | { readonly event: CaseNumberAssigned } {
  const own = counter.numberOf(claim.incidentId);
  if (own) return { existing: own };
  const sequence = counter.taken + 1;
  return { event: { type: 'CaseNumberAssigned', data: { ...claim, sequence, caseNumber: formatCaseNumber(claim.year, sequence) } } };
}

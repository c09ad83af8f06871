/**
 * Retention (domain spec, Privacy, revision 2): a pupil's data is kept until `pupilYears` after the pupil left
 * school, a staff member's until `staffYears` after employment ended, a parent's or another person's until
 * `othersYears` after the last case they appear in was closed; the perpetrator of a case that led to a police report
 * or a dismissal (procedure) is kept `seriousYears` (the longer period wins) — victims, witnesses and a
 * `do-not-report` decision do not lengthen it. A legal hold on any of their cases postpones it.
 * Pure: the caller brings the register and today's date, so a test can fix the clock.
 */
export interface RetentionPolicy {
  readonly pupilYears: number;
  readonly staffYears: number;
  readonly othersYears: number;
  readonly seriousYears: number;
}

export interface RetentionFacts {
  readonly personId: string;
  readonly personKind: 'pupil' | 'staff' | 'volunteer' | 'parent' | 'external';
  /** The day the clock starts: departure (pupil, staff), or the last case's closing (parents, others). */
  readonly leftOn: string;
  readonly serious: boolean;
  readonly heldCases: readonly string[];
  readonly erasedAt: string | null;
}

export interface RetentionVerdict {
  readonly personId: string;
  /** The calendar day the period ends (erasure is due from then on). */
  readonly endsOn: string;
  /** Why, in words an auditor reads: which rule, from which day. */
  readonly reason: string;
  readonly heldCases: readonly string[];
}

export interface RetentionReport {
  /** Period ended, no hold: to be erased. */
  readonly due: readonly RetentionVerdict[];
  /** Period ended, but a case of theirs is under a legal hold. */
  readonly held: readonly RetentionVerdict[];
}

/** `YYYY-MM-DD` plus whole years (29 February falls back to 28 February). */
export function addYears(day: string, years: number): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(year + years, month - 1, date));
  if (target.getUTCMonth() !== month - 1) target.setUTCDate(0);
  return target.toISOString().slice(0, 10);
}

export function retentionReport(register: readonly RetentionFacts[], today: string, policy: RetentionPolicy): RetentionReport {
  const due: RetentionVerdict[] = [];
  const held: RetentionVerdict[] = [];
  for (const person of register) {
    if (person.erasedAt !== null) continue;
    const base = person.personKind === 'pupil' ? policy.pupilYears : person.personKind === 'staff' ? policy.staffYears : policy.othersYears;
    const years = person.serious ? Math.max(base, policy.seriousYears) : base;
    const endsOn = addYears(person.leftOn, years);
    if (endsOn > today) continue;
    const left = person.personKind === 'pupil' ? 'left school' : person.personKind === 'staff' ? 'left employment' : 'had the last case closed';
    const reason = `${person.personKind} ${left} on ${person.leftOn}; retention of ${years} years${person.serious ? ' (perpetrator in a case with a police report or dismissal)' : ''} ended on ${endsOn}`;
    const verdict = { personId: person.personId, endsOn, reason, heldCases: person.heldCases };
    (person.heldCases.length ? held : due).push(verdict);
  }
  return { due, held };
}

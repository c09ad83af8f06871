/**
 * An obligation the protocol (or the law) puts on the school, opened by an event and closed by another.
 * Events carry the obligations they open, with due times, so read models never have to recompute policy.
 */
export type ObligationKind =
  | 'inform-parents' // P2, E2, E3, M2
  | 'report-suspension-to-inspectorate' // P5
  | 'inspector-call-policy' // B1
  | 'inspector-call-statutory' // B3
  | 'police-report' // B2
  | 'device-return' // M6
  | 'removal-placement' // P6: another school agrees, or eight weeks pass
  | 'removal-reconsideration-window'; // P6: parents may ask within six weeks

export interface OpenedObligation {
  readonly obligationId: string;
  readonly kind: ObligationKind;
  /** What it is about: a measure, custody or account action id, or the case itself. */
  readonly regarding: string;
  readonly dueAt: string;
}

/** P2, M2, E2, E3: the "inform parents" obligation a measure, custody or account action opens. */
export function informParentsObligation(obligationId: string, regarding: string, now: string, withinHours: number): OpenedObligation {
  return { obligationId, kind: 'inform-parents', regarding, dueAt: new Date(new Date(now).getTime() + withinHours * 3_600_000).toISOString() };
}

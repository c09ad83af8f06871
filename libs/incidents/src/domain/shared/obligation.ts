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
  | 'removal-reconsideration-window' // P6: the parents' six weeks to object — their deadline, never the school's
  | 'report-removal-to-inspectorate' // P6 (revision 2): the Inspectorate is informed of the removal
  | 'inform-attendance-officer' // P6 (revision 2): the school-attendance officer (leerplichtambtenaar) is informed
  | 'decide-objection' // P6 (revision 2): the board hears the parents and decides on their objection
  | 'inform-parents-before-police-report' // B3 (revision 2): the pupil's parents, before the report is filed
  | 'inform-accused-before-police-report'; // B3 (revision 2): the accused, before the report is filed

/** Deadlines that are someone else's (P6: the parents' objection window): shown, lapsing by themselves, never overdue. */
export const NOT_THE_SCHOOLS: ReadonlySet<ObligationKind> = new Set(['removal-reconsideration-window']);

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

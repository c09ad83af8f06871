/**
 * Rule ids of shared/spec/domain.md, plus three the spec states in prose: CASE, a case must be reported
 * (once) before anything else happens to it; CLOSED, a command on a closed case ("may be closed ... and
 * reopened"); ROLE, the role table where it depends on the case (a teacher adds evidence only to incidents
 * it reported; directors act for their own schools); HOLD, a legal hold on a case stops erasure of the people
 * in it (domain spec, Privacy: "data needed ... longer"). A refused command names the rule it breaks.
 */
/** Every rule id a refusal names: domain.md's, and the application's own (CASE, CLOSED, ROLE, HOLD). */
export const RULE_IDS = [
  'SC1',
  'SC2',
  'F1',
  'F2',
  'F3',
  'P1',
  'P2',
  'P3',
  'P4',
  'P5',
  'P6',
  'P7',
  'E1',
  'E2',
  'E3',
  'E4',
  'M1',
  'M2',
  'M3',
  'M4',
  'M5',
  'M6',
  'S8',
  'S9',
  'S10',
  'S11',
  'S12',
  'S13',
  'B1',
  'B2',
  'B3',
  'B4',
  'R1',
  'R2',
  'CI1',
  'TC1',
  'COR1',
  'CLOSE1',
  'FACT1',
  'CON1',
  'CAL1',
  'DIR1',
  'DIR2',
  'DIR3',
  'CASE',
  'CLOSED',
  'ROLE',
  'HOLD',
] as const;

export type RuleId = (typeof RULE_IDS)[number];

/**
 * `forbidden`: the actor's role or school may not do this (the API answers 403);
 * `conflict`: the case's state or the protocol refuses it (409); `not-found`: what it refers to does not exist (404).
 */
export type ViolationKind = 'forbidden' | 'conflict' | 'not-found';

export interface RuleViolation {
  readonly kind: 'rule-violation';
  readonly violation: ViolationKind;
  readonly rule: RuleId;
  readonly message: string;
  /** What the refusal names besides its message, for the caller to act on (CLOSE1: the open obligations). Data only. */
  readonly details?: Readonly<Record<string, unknown>>;
}

export function refuse(rule: RuleId, message: string, violation: ViolationKind = 'conflict', details?: Readonly<Record<string, unknown>>): RuleViolation {
  return { kind: 'rule-violation', violation, rule, message, ...(details ? { details } : {}) };
}

export function isRuleViolation(value: unknown): value is RuleViolation {
  return typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === 'rule-violation';
}

/** What a decider returns: the events to append (possibly none), or the rule that refuses the command. */
export type Decision<Event> = readonly Event[] | RuleViolation;

/** The exhaustiveness check that ends every switch over a union (architecture principle 2). */
export function assertNever(value: never): never {
  throw new Error(`Unhandled case: ${JSON.stringify(value)}`);
}

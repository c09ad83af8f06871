import type { RuleViolation } from '../domain/shared/rule-violation';
import type { CommandResult } from './stream-command-handler';

/**
 * What a use case answers (the write side's one door): the id of what the command made or acted on, the stream's
 * revision and the global position of its last event, and what else the caller needs to act on (obligation ids,
 * an offence number) — never the events themselves. Refusals are domain refusals; the HTTP layer maps them to
 * 403/404/409/412 in one place (apps/api/src/commands/command-http.ts).
 */
export type CommandOutcome =
  | {
      readonly outcome: 'accepted';
      readonly id: string;
      readonly revision: number;
      readonly position: number;
      /** Fields the answer carries besides `{ id, revision, position }`. */
      readonly answer: Readonly<Record<string, unknown>>;
      /** Where what the command created can be read (HTTP `Location`). */
      readonly location?: string;
    }
  | {
      readonly outcome: 'refused';
      readonly violation: RuleViolation;
      /** What the refusal names besides its rule (the held cases of a refused erasure). */
      readonly details?: Readonly<Record<string, unknown>>;
    }
  | { readonly outcome: 'precondition-failed'; readonly actualRevision: number };

/** A handler's result as the door answers it: `id` and `answer` (from the events decided) when accepted. */
export function outcomeOf<Event>(
  result: CommandResult<Event>,
  id: string,
  answer: (events: readonly Event[]) => Readonly<Record<string, unknown>> = () => ({}),
  location?: string,
): CommandOutcome {
  if (result.outcome !== 'accepted') return result;
  return { outcome: 'accepted', id, revision: result.revision, position: result.position, answer: answer(result.events), ...(location ? { location } : {}) };
}

export function refused(violation: RuleViolation, details?: Readonly<Record<string, unknown>>): CommandOutcome {
  return { outcome: 'refused', violation, ...(details ? { details } : {}) };
}

import { type EventStore, type NewEvent, type RecordedEvent, WrongExpectedRevisionError, newEventId } from '@casebook/event-store';
import type { CommandContext } from '../domain/shared/command-context';
import { type Decision, type RuleViolation, isRuleViolation } from '../domain/shared/rule-violation';

/** A decider as the application runs it: pure functions over data-only events (architecture principle 1). */
export interface Decider<Command, Event extends { readonly type: string; readonly data: unknown }, State> {
  readonly initialState: State;
  readonly evolve: (state: State, event: Event) => State;
  readonly decide: (command: Command, state: State) => Decision<Event>;
}

/** What the request adds to a command: tracing ids, and the revision the client saw (`If-Match`). */
export interface CommandMeta {
  readonly correlationId: string;
  readonly causationId: string | null;
  /** Set from `If-Match`: the command fails with a precondition error if the stream moved on. */
  readonly expectedRevision?: number;
}

export interface CommandAccepted<Event> {
  readonly outcome: 'accepted';
  readonly streamId: string;
  /** The stream's revision after the command (-1 when it decided nothing on an empty stream). */
  readonly revision: number;
  /** The global position of its last event (or the stream's last, when it decided nothing). */
  readonly position: number;
  readonly events: readonly Event[];
}

export type CommandResult<Event> =
  | CommandAccepted<Event>
  | { readonly outcome: 'refused'; readonly violation: RuleViolation }
  | { readonly outcome: 'precondition-failed'; readonly actualRevision: number };

/** Conflicts retried before giving up when the client sent no If-Match (api.md, Optimistic concurrency). */
const MAX_ATTEMPTS = 8;

/**
 * Load, decide, append (architecture, "Flow of one command"): reads the stream, folds it with `evolve`,
 * decides, and appends with the revision it decided on. A concurrent writer makes the append fail; without
 * If-Match the handler decides again on the new state, which is what makes M5 count n and n+1.
 */
export class StreamCommandHandler<
  Command extends { readonly context: CommandContext },
  Event extends { readonly type: string; readonly data: unknown },
  State,
> {
  constructor(
    private readonly store: EventStore,
    private readonly decider: Decider<Command, Event, State>,
    private readonly schoolOf: (state: State, events: readonly Event[]) => string | null,
  ) {}

  /** The state a history folds to (what a use case reads before it decides what to run). */
  stateOf(history: readonly RecordedEvent[]): State {
    return history.reduce((s, e) => this.decider.evolve(s, e as unknown as Event), this.decider.initialState);
  }

  /** What the decider would decide on this history, appending nothing: a use case's check before a second stream. */
  dryRun(command: Command, history: readonly RecordedEvent[]): Decision<Event> {
    return this.decider.decide(command, this.stateOf(history));
  }

  /**
   * Decides `commands` in turn on a stream that does not exist yet, each on the state the ones before it left, and
   * gives their events with the envelopes to append — by the caller, together with other streams in one commit
   * (a report and its case number, #31). Nothing is appended here.
   */
  decideNew(commands: readonly Command[], meta: CommandMeta): { readonly events: Event[]; readonly envelopes: NewEvent[] } | RuleViolation {
    let state = this.decider.initialState;
    const events: Event[] = [];
    const envelopes: NewEvent[] = [];
    for (const command of commands) {
      const decision = this.decider.decide(command, state);
      if (isRuleViolation(decision)) return decision;
      const decided = decision as readonly Event[];
      envelopes.push(...this.envelopes(command, decided, state, meta));
      events.push(...decided);
      state = decided.reduce((s, event) => this.decider.evolve(s, event), state);
    }
    return { events, envelopes };
  }

  /** `loaded`: the stream as the caller just read it, used for the first attempt instead of reading it again. */
  async handle(streamId: string, command: Command, meta: CommandMeta, loaded?: readonly RecordedEvent[]): Promise<CommandResult<Event>> {
    for (let attempt = 1; ; attempt++) {
      const history = attempt === 1 && loaded ? loaded : await this.store.readStream(streamId);
      const revision = history.length - 1;
      if (meta.expectedRevision !== undefined && meta.expectedRevision !== revision) {
        return { outcome: 'precondition-failed', actualRevision: revision };
      }
      const state = this.stateOf(history);
      const decision = this.decider.decide(command, state);
      if (isRuleViolation(decision)) return { outcome: 'refused', violation: decision };
      const events = decision as readonly Event[];
      if (events.length === 0) return { outcome: 'accepted', streamId, revision, position: lastPosition(history), events };
      try {
        const appended = await this.store.appendToStream(streamId, this.envelopes(command, events, state, meta), {
          expectedRevision: revision < 0 ? 'no-stream' : revision,
        });
        return { outcome: 'accepted', streamId, revision: appended.revision, position: appended.position, events };
      } catch (error) {
        if (!(error instanceof WrongExpectedRevisionError)) throw error;
        if (meta.expectedRevision !== undefined) return { outcome: 'precondition-failed', actualRevision: error.actual ?? revision + 1 };
        if (attempt >= MAX_ATTEMPTS) throw error;
      }
    }
  }

  /** Every event records actor, role, school, correlation and causation ids, and when it happened (B4). */
  private envelopes(command: Command, events: readonly Event[], state: State, meta: CommandMeta): NewEvent[] {
    const { actor, now } = command.context;
    const schoolId = this.schoolOf(state, events);
    return events.map((event) => ({
      eventId: newEventId(),
      type: event.type,
      schemaVersion: 1,
      data: event.data,
      metadata: {
        actorId: actor.id,
        actorRole: actor.role,
        schoolId,
        correlationId: meta.correlationId,
        causationId: meta.causationId,
        occurredAt: occurredAtOf(event.data) ?? now,
      },
    }));
  }
}

/** The moment the event's own data says it happened, where it says one; otherwise the command's time. */
function occurredAtOf(data: unknown): string | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  for (const key of ['occurredAt', 'takenAt', 'returnedAt', 'informedAt', 'heardAt', 'calledAt', 'consultedAt', 'filedAt', 'reportedAt', 'dueAt']) {
    const value = (data as Record<string, unknown>)[key];
    if (typeof value === 'string') return value;
  }
  return undefined;
}

function lastPosition(history: readonly RecordedEvent[]): number {
  return history.length ? history[history.length - 1]!.globalPosition : 0;
}

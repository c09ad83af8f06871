/**
 * Given/when/then for deciders: fold the history with `evolve`, decide the command, and hand back the
 * decision (events, or a rule violation). Pure data in, pure data out: no Nest, no database.
 */
export interface DeciderUnderTest<Command, Event, State, Decision> {
  readonly initialState: State;
  readonly evolve: (state: State, event: Event) => State;
  readonly decide: (command: Command, state: State) => Decision;
}

export function given<Command, Event, State, Decision>(
  decider: DeciderUnderTest<Command, Event, State, Decision>,
  history: readonly Event[],
): { when: (command: Command) => Decision; state: State } {
  const state = history.reduce(decider.evolve, decider.initialState);
  return { state, when: (command) => decider.decide(command, state) };
}

/** Runs commands one after another, each on the state the previous events produced; returns every event. */
export function play<Command, Event, State>(
  decider: DeciderUnderTest<Command, Event, State, readonly Event[] | { readonly kind: 'rule-violation' }>,
  commands: readonly Command[],
): Event[] {
  let state = decider.initialState;
  const events: Event[] = [];
  for (const command of commands) {
    const decision = decider.decide(command, state);
    if (!Array.isArray(decision)) throw new Error(`Refused while setting up: ${JSON.stringify(decision)}`);
    for (const event of decision as readonly Event[]) {
      state = decider.evolve(state, event);
      events.push(event);
    }
  }
  return events;
}

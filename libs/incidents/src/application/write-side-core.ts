import { randomUUID } from 'node:crypto';
import { type EventStore, type RecordedEvent, streamIds } from '@casebook/event-store';
import type { Logger, SqlClient } from '@casebook/platform';
import type { CaseKind } from '../domain/case/case.events';
import type { CommandContext, DomainPolicy } from '../domain/shared/command-context';
import type { PupilIncidentCommand } from '../domain/pupil-incident/pupil-incident.commands';
import { type RuleViolation, refuse } from '../domain/shared/rule-violation';
import type { StaffMisconductCommand } from '../domain/staff-misconduct/staff-misconduct.commands';
import { CaseNumbering } from './case-numbering';
import { CaseStreams } from './case-streams';
import { type CommandOutcome, outcomeOf, refused } from './command-outcome';
import { type Handlers, buildHandlers } from './handlers';
import type { SchoolCalendar } from './school-calendar';
import type { CommandMeta, CommandResult } from './stream-command-handler';
import type { PupilFacts } from './pupil-facts';
import type { SchoolFacts } from './school-facts';
import { StreamLocator } from './stream-locator';

/** What every command brings from its caller: who acts and when (the context), and the request's ids and If-Match. */
export interface Issued {
  readonly context: CommandContext;
  readonly meta: CommandMeta;
}

/** The write side's parts for erasure and retention, which live beside it (their ports; the runtime fills them). */
export interface PersonKeys {
  /** Deletes the person's data key; false when there was none left. */
  forget(personId: string): Promise<boolean>;
}

export interface WriteSideDeps {
  readonly store: EventStore;
  readonly sql: SqlClient;
  readonly policy: DomainPolicy;
  readonly calendar: SchoolCalendar;
  /** Ids of what commands create (UUIDs). */
  readonly newId?: () => string;
  /** Ids and outcomes only (decisions.md #13). */
  readonly logger?: Logger;
  /** What the directory knows of a pupil (CON1, DIR3, P6). */
  readonly pupilFacts?: PupilFacts;
  /** What the directory knows of a school (M1). */
  readonly schoolFacts?: SchoolFacts;
}

/** A command for a case of either kind, or of one kind only (`undefined`: the other kind does not take it). */
export interface CaseCommandFor {
  readonly 'pupil-incident'?: (context: CommandContext) => PupilIncidentCommand;
  readonly 'staff-misconduct'?: (context: CommandContext) => StaffMisconductCommand;
}

/**
 * What the use cases share, made once per process: the handlers (one per stream kind), the case streams, the
 * stream locator, and the id source.
 */
export class WriteSideCore {
  readonly handlers: Handlers;
  readonly cases: CaseStreams;
  readonly locator: StreamLocator;
  readonly numbering: CaseNumbering;
  readonly newId: () => string;

  constructor(readonly deps: WriteSideDeps) {
    this.handlers = buildHandlers(deps.store, deps.policy);
    this.cases = new CaseStreams(deps.store);
    this.locator = new StreamLocator(deps.sql);
    this.numbering = new CaseNumbering(deps.store, deps.policy.workingDays.timeZone);
    this.newId = deps.newId ?? randomUUID;
  }

  /**
   * Runs a command on the case an incident id names, with the stream read once: unknown id → CASE not-found; a
   * command for the other kind of case → CASE conflict, naming `what`.
   */
  async onCase(incidentId: string, issued: Issued, command: CaseCommandFor, what: string): Promise<CommandResult<unknown> | RuleViolation> {
    const loaded = await this.cases.load(incidentId);
    if (!loaded) return noCase(incidentId);
    const build = command[loaded.kind];
    if (!build) return refuse('CASE', `incident ${incidentId} is a ${loaded.kind} case; ${what} belong to ${otherKind(loaded.kind)} cases`);
    const handler = loaded.kind === 'pupil-incident' ? this.handlers.pupilIncident : this.handlers.staffMisconduct;
    return (
      handler.handle as (streamId: string, command: unknown, meta: CommandMeta, loaded: readonly RecordedEvent[]) => Promise<CommandResult<unknown>>
    ).call(handler, loaded.streamId, build(issued.context), issued.meta, loaded.events);
  }

  /** Gives a reported case the year's next number (or finds the one it has) and records it on the case. */
  async number(kind: CaseKind, incidentId: string, issued: Issued): Promise<{ readonly caseNumber: string; readonly result: CommandResult<unknown> }> {
    const caseNumber = await this.numbering.assign({ incidentId, caseKind: kind, reportedAt: issued.context.now }, issued.context, issued.meta);
    const meta = { correlationId: issued.meta.correlationId, causationId: issued.meta.causationId };
    const streamId = streamIds.case(kind, incidentId);
    const numberCase = { type: 'NumberCase' as const, context: issued.context, data: { caseNumber } };
    const result =
      kind === 'pupil-incident'
        ? await this.handlers.pupilIncident.handle(streamId, numberCase, meta)
        : await this.handlers.staffMisconduct.handle(streamId, numberCase, meta);
    return { caseNumber, result };
  }

  /** `onCase` answered: the outcome with `id` and what the events tell the caller. */
  async onCaseOutcome(
    incidentId: string,
    issued: Issued,
    command: CaseCommandFor,
    what: string,
    id: string,
    answer?: (events: readonly unknown[]) => Readonly<Record<string, unknown>>,
  ): Promise<CommandOutcome> {
    const result = await this.onCase(incidentId, issued, command, what);
    return 'kind' in result ? refused(result) : outcomeOf(result, id, answer);
  }
}

export const noCase = (incidentId: string): RuleViolation => refuse('CASE', `No incident ${incidentId}`, 'not-found');

function otherKind(kind: CaseKind): CaseKind {
  return kind === 'pupil-incident' ? 'staff-misconduct' : 'pupil-incident';
}

import { type AppendResult, type EventStore, type NewEvent, type StreamAppend, WrongExpectedRevisionError, newEventId, streamIds } from '@casebook/event-store';
import type { CaseKind } from '../domain/case/case.events';
import type { CaseNumberAssigned } from '../domain/case-number/case-number.events';
import { type CaseCounter, decideCaseNumber } from '../domain/case-number/case-number';
import type { CommandContext } from '../domain/shared/command-context';
import { localDateOf } from '../domain/shared/local-date';
import type { CommandMeta } from './stream-command-handler';

/** Contention with other processes on a year's counter is retried; this many tries at most. */
const MAX_ATTEMPTS = 1000;
/** Claims taken in one append at most (one counter event each, and a new case a few more; the store takes 4096 per transaction). */
const MAX_BATCH = 400;

/** A case not yet in the store, written in the same commit as its number: its events, given the number. */
export interface NewCaseStream {
  readonly streamId: string;
  readonly events: (caseNumber: string) => readonly NewEvent[];
}

/** A number taken: the case's own stream as appended with it, where it was (`reportNumbered`). */
interface Taken {
  readonly caseNumber: string;
  readonly appended?: AppendResult;
}

interface Claim {
  readonly incidentId: string;
  readonly caseKind: CaseKind;
  readonly year: number;
  readonly metadata: NewEvent['metadata'];
  readonly caseStream?: NewCaseStream;
  readonly resolve: (taken: Taken) => void;
  readonly reject: (error: unknown) => void;
}

/** What this process knows of one year's counter stream, and the claims waiting for it. */
class YearCounter implements CaseCounter {
  /** Its events read or appended so far (`read` is false until the stream was read once). */
  taken = 0;
  read = false;
  readonly numbers = new Map<string, string>();
  readonly waiting: Claim[] = [];
  busy = false;

  constructor(readonly streamId: string) {}

  numberOf(incidentId: string): string | undefined {
    return this.numbers.get(incidentId);
  }

  record(event: CaseNumberAssigned): void {
    this.numbers.set(event.data.incidentId, event.data.caseNumber);
    this.taken += 1;
  }
}

/**
 * The year's case-number counter (domain.md "case number"), as a stream: a number is taken by appending to the
 * counter at the revision it was decided on, so concurrent reports get n and n+1 and never both n; only a case
 * that exists is numbered (no gaps). Counted in the board's time zone: a report at 00:30 on 1 January in
 * Amsterdam is the new year's.
 *
 * Within a process the counter is taken by one append at a time, and the reports that arrived meanwhile share the
 * next append (n, n+1, … in the order they came): concurrent reports racing for the same revision made all but one
 * roll back and try again, so the work grew with the square of the reports at once (decisions #100). Other
 * processes are still kept apart by the store's optimistic check: a conflict reads what they appended and decides
 * the batch again. The counter is not read before an append when this process appended its last event: if another
 * process appended since, the check refuses, and only then is it read.
 */
export class CaseNumbering {
  private readonly years = new Map<number, YearCounter>();

  constructor(
    private readonly store: EventStore,
    private readonly timeZone: string,
  ) {}

  /**
   * Whether a case can be written in the same commit as its number (`reportNumbered`): on the PostgreSQL adapters.
   * Elsewhere (EventStoreDB) a case is appended first and numbered after (`assign`).
   */
  get atomic(): boolean {
    return this.store.appendToStreams !== undefined;
  }

  /** The case's number: its own when the counter holds one already (a retry), else the next. */
  async assign(
    claim: { readonly incidentId: string; readonly caseKind: CaseKind; readonly reportedAt: string },
    context: CommandContext,
    meta: CommandMeta,
  ): Promise<string> {
    return (await this.claim(claim, context, meta)).caseNumber;
  }

  /**
   * A new case and its number in one commit (#31 item 3): the counter's event and the case's stream are appended
   * together, so no case is ever without its number and no number without its case, whatever process dies when;
   * and as each commit takes the counter's next revision, numbers follow the order the store recorded the reports.
   */
  async reportNumbered(
    claim: { readonly incidentId: string; readonly caseKind: CaseKind; readonly reportedAt: string; readonly caseStream: NewCaseStream },
    context: CommandContext,
    meta: CommandMeta,
  ): Promise<{ readonly caseNumber: string; readonly appended: AppendResult }> {
    const taken = await this.claim(claim, context, meta);
    if (!taken.appended) throw new Error(`The case ${claim.incidentId} was numbered without its stream`);
    return { caseNumber: taken.caseNumber, appended: taken.appended };
  }

  private claim(
    claim: { readonly incidentId: string; readonly caseKind: CaseKind; readonly reportedAt: string; readonly caseStream?: NewCaseStream },
    context: CommandContext,
    meta: CommandMeta,
  ): Promise<Taken> {
    const year = localDateOf(new Date(claim.reportedAt), this.timeZone).year;
    let counter = this.years.get(year);
    if (!counter) {
      counter = new YearCounter(streamIds.caseNumbers(year));
      this.years.set(year, counter);
    }
    const metadata = {
      actorId: context.actor.id,
      actorRole: context.actor.role,
      schoolId: null,
      correlationId: meta.correlationId,
      causationId: claim.incidentId,
      occurredAt: context.now,
    };
    const taken = new Promise<Taken>((resolve, reject) =>
      counter.waiting.push({ incidentId: claim.incidentId, caseKind: claim.caseKind, year, metadata, caseStream: claim.caseStream, resolve, reject }),
    );
    void this.drain(counter);
    return taken;
  }

  /** Takes numbers for the waiting claims, a batch per append, until none waits; one drain per counter at a time. */
  private async drain(counter: YearCounter): Promise<void> {
    if (counter.busy) return;
    counter.busy = true;
    try {
      while (counter.waiting.length > 0) {
        const batch = counter.waiting.splice(0, MAX_BATCH);
        try {
          const taken = await this.take(counter, batch);
          batch.forEach((claim, i) => claim.resolve(taken[i]!));
        } catch (error) {
          // Nothing of the batch was appended (one append is all or nothing): no claim has a number, none a gap.
          for (const claim of batch) claim.reject(error);
        }
      }
    } finally {
      counter.busy = false;
    }
  }

  /** The batch's numbers, in its order, once appended (or found on the counter already), with the new cases' streams. */
  private async take(counter: YearCounter, batch: readonly Claim[]): Promise<Taken[]> {
    for (let attempt = 1; ; attempt++) {
      if (!counter.read || attempt > 1) await this.readNewer(counter);
      const decided = this.decide(counter, batch);
      const events = decided.flatMap((d) => ('event' in d ? [d] : []));
      if (events.length === 0) return decided.map((d) => ({ caseNumber: d.caseNumber }));
      const counterAppend: StreamAppend = {
        streamId: counter.streamId,
        events: events.map(({ event, claim }) => ({ eventId: newEventId(), type: event.type, schemaVersion: 1, data: event.data, metadata: claim.metadata })),
        expectedRevision: counter.taken === 0 ? 'no-stream' : counter.taken - 1,
      };
      // The new cases of the batch go in the same commit, after the counter (whose revision decides who goes first).
      const cases = events.flatMap(({ event, claim }) =>
        claim.caseStream
          ? [
              {
                claim,
                append: { streamId: claim.caseStream.streamId, events: claim.caseStream.events(event.data.caseNumber), expectedRevision: 'no-stream' as const },
              },
            ]
          : [],
      );
      try {
        const appended = new Map<Claim, AppendResult>();
        if (cases.length && this.store.appendToStreams) {
          const results = await this.store.appendToStreams([counterAppend, ...cases.map(({ append }) => append)]);
          cases.forEach(({ claim }, i) => appended.set(claim, results[i + 1]!));
        } else {
          if (cases.length) throw new Error('This event store cannot write a case together with its number');
          await this.store.appendToStream(counter.streamId, counterAppend.events, { expectedRevision: counterAppend.expectedRevision });
        }
        for (const { event } of events) counter.record(event);
        return decided.map((d) => ({ caseNumber: d.caseNumber, ...('claim' in d && appended.has(d.claim) ? { appended: appended.get(d.claim)! } : {}) }));
      } catch (error) {
        if (!(error instanceof WrongExpectedRevisionError) || attempt >= MAX_ATTEMPTS) throw error;
      }
    }
  }

  /** Each claim in order on the counter as it stands plus the claims before it in the batch (pure decisions). */
  private decide(
    counter: YearCounter,
    batch: readonly Claim[],
  ): ({ caseNumber: string } & ({ event: CaseNumberAssigned; claim: Claim } | { existing: true }))[] {
    const pending = new Map<string, string>();
    return batch.map((claim) => {
      const view: CaseCounter = { taken: counter.taken + pending.size, numberOf: (id) => counter.numberOf(id) ?? pending.get(id) };
      const decided = decideCaseNumber(view, { incidentId: claim.incidentId, caseKind: claim.caseKind, year: claim.year });
      if ('existing' in decided) return { caseNumber: decided.existing, existing: true as const };
      pending.set(claim.incidentId, decided.event.data.caseNumber);
      return { caseNumber: decided.event.data.caseNumber, event: decided.event, claim };
    });
  }

  private async readNewer(counter: YearCounter): Promise<void> {
    const newer = await this.store.readStream(counter.streamId, { fromRevision: counter.taken });
    for (const event of newer) counter.record({ type: 'CaseNumberAssigned', data: event.data as CaseNumberAssigned['data'] });
    counter.read = true;
  }
}

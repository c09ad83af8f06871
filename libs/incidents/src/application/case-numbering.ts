import { type EventStore, WrongExpectedRevisionError, newEventId, streamIds } from '@casebook/event-store';
import type { CaseKind } from '../domain/case/case.events';
import type { CaseNumberAssigned } from '../domain/case-number/case-number.events';
import { decideCaseNumber } from '../domain/case-number/case-number';
import type { CommandContext } from '../domain/shared/command-context';
import { localDateOf } from '../domain/shared/local-date';
import type { CommandMeta } from './stream-command-handler';

/** Contention on a year's counter is retried (50 reports at once all want the next number); this many tries at most. */
const MAX_ATTEMPTS = 1000;

/**
 * The year's case-number counter (domain.md "case number"), as a stream: a number is taken by appending to the
 * counter at the revision it was decided on, so concurrent reports get n and n+1 and never both n; only a case
 * that exists is numbered (no gaps). Counted in the board's time zone: a report at 00:30 on 1 January in
 * Amsterdam is the new year's.
 */
export class CaseNumbering {
  /** The counters' events read so far, per year: later reads fetch only what came after. */
  private readonly known = new Map<number, CaseNumberAssigned[]>();

  constructor(
    private readonly store: EventStore,
    private readonly timeZone: string,
  ) {}

  /** The case's number: its own when the counter holds one already (a retry), else the next. */
  async assign(claim: { readonly incidentId: string; readonly caseKind: CaseKind; readonly reportedAt: string }, context: CommandContext, meta: CommandMeta): Promise<string> {
    const year = localDateOf(new Date(claim.reportedAt), this.timeZone).year;
    const streamId = streamIds.caseNumbers(year);
    for (let attempt = 1; ; attempt++) {
      const assigned = await this.read(year, streamId);
      const decided = decideCaseNumber(assigned, { incidentId: claim.incidentId, caseKind: claim.caseKind, year });
      if ('existing' in decided) return decided.existing;
      try {
        await this.store.appendToStream(
          streamId,
          [
            {
              eventId: newEventId(),
              type: decided.event.type,
              schemaVersion: 1,
              data: decided.event.data,
              metadata: { actorId: context.actor.id, actorRole: context.actor.role, schoolId: null, correlationId: meta.correlationId, causationId: claim.incidentId, occurredAt: context.now },
            },
          ],
          { expectedRevision: assigned.length === 0 ? 'no-stream' : assigned.length - 1 },
        );
        return decided.event.data.caseNumber;
      } catch (error) {
        if (!(error instanceof WrongExpectedRevisionError) || attempt >= MAX_ATTEMPTS) throw error;
      }
    }
  }

  private async read(year: number, streamId: string): Promise<CaseNumberAssigned[]> {
    const cached = this.known.get(year) ?? [];
    const newer = await this.store.readStream(streamId, { fromRevision: cached.length });
    const all = [...cached, ...newer.map((event) => ({ type: 'CaseNumberAssigned' as const, data: event.data as CaseNumberAssigned['data'] }))];
    this.known.set(year, all);
    return all;
  }
}

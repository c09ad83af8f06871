import { actsForSchool } from '../../domain/shared/actor';
import { streamIds } from '@casebook/event-store';
import type { RetentionFacts, RetentionPolicy, RetentionReport } from '@casebook/privacy';
import { retentionReport } from '@casebook/privacy';
import type { Actor } from '../../domain/shared/actor';
import type { DepartedPersonKind } from '../../domain/privacy/privacy.events';
import { refuse } from '../../domain/shared/rule-violation';
import { type CommandOutcome, outcomeOf, refused } from '../command-outcome';
import { NO_PUPIL_FACTS } from '../pupil-facts';
import { type Issued, type PersonKeys, type WriteSideCore, noCase } from '../write-side-core';

/** What erasure and retention read of the privacy register (a read model): the runtime provides it. */
export interface PrivacyRegister {
  /** The cases a person appears in. */
  casesOf(personId: string): Promise<readonly string[]>;
  /** Their cases under a legal hold, as the register has them. */
  heldCasesOf(personId: string): Promise<readonly string[]>;
  /** Everyone whose departure is recorded, with what decides their retention. */
  retentionCandidates(): Promise<readonly RetentionFacts[]>;
}

/** The retention job's actor: it acts under the board's authority (decisions.md #39). */
export const RETENTION_ACTOR: Actor = { id: 'casebook-retention', role: 'board', schools: [] };

export interface RetentionRun extends RetentionReport {
  readonly erased: readonly string[];
}

/**
 * Privacy (AVG): forgetting a person (crypto-shredding), when retention starts, legal holds, and the retention job.
 * Erasure records `PersonDataErased` first, then deletes the person's data key (decisions.md #38): a crash between
 * the two leaves a record that says so, and forgetting again finishes it.
 */
export class PrivacyCommands {
  constructor(
    private readonly core: WriteSideCore,
    private readonly keys: PersonKeys,
    private readonly register: PrivacyRegister,
  ) {}

  /** Forget a person now; refused (HOLD, with the cases) while a case of theirs is under a legal hold. */
  async erase(personId: string, data: { readonly basis: 'request' | 'retention'; readonly reason: string }, issued: Issued): Promise<CommandOutcome> {
    const held = await this.heldCasesNow(personId);
    if (held.length) return refused(refuse('HOLD', `cases of ${personId} are under a legal hold: ${held.join(', ')}`), { cases: held });
    const result = await this.core.handlers.personRecord.handle(
      streamIds.personRecord(personId),
      { type: 'EraseDataOf', context: issued.context, data: { personId, ...data } },
      issued.meta,
    );
    if (result.outcome !== 'accepted') return outcomeOf(result, personId);
    const keyDeleted = await this.keys.forget(personId);
    return outcomeOf(result, personId, () => ({ erased: true, keyDeleted }));
  }

  /**
   * The day a pupil left school (board, director of that school) or an employment ended (board, HR): retention counts
   * from it. DIR3: the pupil's school is the directory's; the body may name it, and must where the directory does not
   * know the pupil; a body naming another school than the directory's is refused.
   */
  async recordDeparture(
    personId: string,
    data: { readonly personKind: DepartedPersonKind; readonly leftOn: string; readonly schoolId?: string },
    issued: Issued,
  ): Promise<CommandOutcome> {
    const known = data.personKind === 'pupil' ? await (this.core.deps.pupilFacts ?? NO_PUPIL_FACTS).schoolId(personId) : null;
    if (known && data.schoolId && data.schoolId !== known) {
      // DIR1 (#31): a director of another school naming their own is refused as acting across schools (403); the
      // board naming the wrong school states a wrong fact (409).
      if (!actsForSchool(issued.context.actor, known))
        return refused(refuse('DIR3', `The directory has ${personId} at another school: only its director or the board records their leaving`, 'forbidden'));
      return refused(refuse('DIR3', `The directory has ${personId} at ${known}, not ${data.schoolId}`));
    }
    const schoolId = known ?? data.schoolId ?? null;
    const result = await this.core.handlers.personRecord.handle(
      streamIds.personRecord(personId),
      { type: 'RecordDeparture', context: issued.context, data: { personId, personKind: data.personKind, leftOn: data.leftOn, schoolId } },
      issued.meta,
    );
    return outcomeOf(result, personId);
  }

  /** HOLD: nobody in the case is erased until the hold is lifted. */
  placeLegalHold(incidentId: string, data: { readonly reason: string }, issued: Issued): Promise<CommandOutcome> {
    return this.hold(incidentId, 'PlaceLegalHold', data.reason, issued);
  }

  liftLegalHold(incidentId: string, data: { readonly reason: string }, issued: Issued): Promise<CommandOutcome> {
    return this.hold(incidentId, 'LiftLegalHold', data.reason, issued);
  }

  /** Who is due for erasure and why, and who is held: the daily job's list (a dry run). */
  async retentionReport(today: string, policy: RetentionPolicy): Promise<RetentionReport> {
    return retentionReport(await this.register.retentionCandidates(), today, policy);
  }

  /** The retention job: erases everyone due (unless a dry run); a hold placed since the list was made still holds. */
  async runRetention(options: { readonly today: string; readonly policy: RetentionPolicy; readonly dryRun: boolean }, issued: Issued): Promise<RetentionRun> {
    const report = await this.retentionReport(options.today, options.policy);
    if (options.dryRun) return { ...report, erased: [] };
    const erased: string[] = [];
    const held = [...report.held];
    for (const verdict of report.due) {
      const outcome = await this.erase(
        verdict.personId,
        { basis: 'retention', reason: verdict.reason },
        { ...issued, meta: { ...issued.meta, correlationId: `erase-${verdict.personId}` } },
      );
      if (outcome.outcome === 'accepted') erased.push(verdict.personId);
      else if (outcome.outcome === 'refused' && outcome.violation.rule === 'HOLD')
        held.push({ ...verdict, heldCases: (outcome.details?.['cases'] as string[] | undefined) ?? [] });
    }
    return { due: report.due, held, erased };
  }

  private async hold(incidentId: string, type: 'PlaceLegalHold' | 'LiftLegalHold', reason: string, issued: Issued): Promise<CommandOutcome> {
    if (!(await this.core.cases.reported(incidentId))) return refused(noCase(incidentId));
    const result = await this.core.handlers.legalHold.handle(
      streamIds.legalHold(incidentId),
      { type, context: issued.context, data: { incidentId, reason } },
      issued.meta,
    );
    return outcomeOf(result, incidentId);
  }

  /**
   * Holds on the person's cases as the streams say now: the register (a read model) may lag a hold placed a moment
   * ago, and erasure cannot be undone, so each case's hold stream is read before erasing.
   */
  private async heldCasesNow(personId: string): Promise<string[]> {
    const cases = await this.register.casesOf(personId);
    const held = new Set(await this.register.heldCasesOf(personId));
    const last = await Promise.all(
      cases.map(async (incidentId) => [incidentId, (await this.core.deps.store.readStream(streamIds.legalHold(incidentId))).at(-1)?.type] as const),
    );
    for (const [incidentId, type] of last) {
      if (type === 'LegalHoldPlaced') held.add(incidentId);
      else if (type === 'LegalHoldLifted') held.delete(incidentId);
    }
    return [...held].sort();
  }
}

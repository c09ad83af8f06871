import { type CaseKind, type NewEvent, streamIds } from '@casebook/event-store';
import type { AddEvidence, RecordCorrespondence, ReportIncident } from '../../domain/case/case.commands';
import type { InvolvedPerson } from '../../domain/case/involved-person';
import { type CommandOutcome, outcomeOf, refused } from '../command-outcome';
import type { CommandAccepted, CommandMeta, CommandResult } from '../stream-command-handler';
import type { ReportStaffMisconduct } from '../../domain/staff-misconduct/staff-misconduct.commands';
import { type RuleViolation, isRuleViolation } from '../../domain/shared/rule-violation';
import type { Actor } from '../../domain/shared/actor';
import type { Issued, WriteSideCore } from '../write-side-core';
import type { CriminalReportCommands } from './criminal-reports';
import { SuspensionBookings } from './suspension-bookings';
import { staffOutsideSchools } from '../pupil-facts';

export interface IncidentReport {
  readonly type: CaseKind;
  readonly schoolId: string;
  readonly category: string;
  readonly occurredAt: string;
  readonly summary: string;
  readonly involved: readonly InvolvedPerson[];
}

/** F1–F3: what the caller says of a letter, call or meeting (its id is made here). */
export type Correspondence = Omit<RecordCorrespondence['data'], 'correspondenceId'>;
export type Evidence = Omit<AddEvidence['data'], 'evidenceId'>;

/** B3: who opens the statutory criminal-report decision — the duty itself, under the board's authority. */
export const STATUTORY_ACTOR: Actor = { id: 'casebook-statutory-duty', role: 'board', schools: [] };
const B3_SUSPECTED_OFFENCE = 'Signs of a sexual offence against a minor pupil (WPO art. 4a)';

/** Use cases every case takes, pupil incident and staff misconduct alike (SC1, SC2, F1–F3, closing, reopening). */
export class CaseCommands {
  private readonly suspensions: SuspensionBookings;

  constructor(
    private readonly core: WriteSideCore,
    private readonly criminalReports: CriminalReportCommands,
  ) {
    this.suspensions = new SuspensionBookings(core);
  }

  /** SC1: a new case of either kind; its id is made here, and the answer says where to read it. */
  async report(report: IncidentReport, issued: Issued): Promise<CommandOutcome> {
    const incidentId = this.core.newId();
    const command: ReportIncident = {
      type: 'ReportIncident',
      context: issued.context,
      data: {
        incidentId,
        schoolId: report.schoolId,
        category: report.category,
        occurredAt: report.occurredAt,
        summary: report.summary,
        involved: report.involved,
      },
    };
    const streamId = streamIds.case(report.type, incidentId);
    const statutoryObligationId = this.core.newId();
    const reported =
      report.type === 'pupil-incident'
        ? command
        : ({ type: 'ReportStaffMisconduct', context: issued.context, report: command, statutoryObligationId } as const);
    const numbered = this.core.numbering.atomic
      ? await this.reportNumbered(report.type, streamId, reported, issued)
      : await this.reportThenNumber(report.type, streamId, reported, issued);
    if ('violation' in numbered) return outcomeOf(numbered, incidentId);
    const { caseNumber, result } = numbered;
    const statutory = (result.events as readonly { type: string }[]).some((event) => event.type === 'InspectorNotificationQueued');
    if (!statutory) return outcomeOf(result, incidentId, () => ({ caseNumber }), `/incidents/${incidentId}`);
    return this.openStatutoryDecision(incidentId, statutoryObligationId, issued, { caseNumber }, `/incidents/${incidentId}`);
  }

  /**
   * Domain.md "case number" (#31 item 3): the case and its number in one commit — the report decided on the empty
   * stream, then `NumberCase` on what it left, both appended with the counter's next event — so a process killed at
   * any moment leaves either the numbered case or nothing, and numbers follow the store's order of the reports.
   */
  private async reportNumbered(
    kind: CaseKind,
    streamId: string,
    reported: ReportIncident | ReportStaffMisconduct,
    issued: Issued,
  ): Promise<{ readonly caseNumber: string; readonly result: CommandAccepted<unknown> } | { readonly outcome: 'refused'; readonly violation: RuleViolation }> {
    const handler = (kind === 'pupil-incident' ? this.core.handlers.pupilIncident : this.core.handlers.staffMisconduct) as unknown as {
      decideNew(commands: readonly unknown[], meta: CommandMeta): { events: unknown[]; envelopes: NewEvent[] } | RuleViolation;
    };
    // Refused before a number is taken: a refused report takes none.
    const report = handler.decideNew([reported], issued.meta);
    if (isRuleViolation(report)) return { outcome: 'refused', violation: report };
    let events: unknown[] = [];
    const { caseNumber, appended } = await this.core.numbering.reportNumbered(
      {
        incidentId: reported.type === 'ReportIncident' ? reported.data.incidentId : reported.report.data.incidentId,
        caseKind: kind,
        reportedAt: issued.context.now,
        caseStream: {
          streamId,
          events: (caseNumber) => {
            const decided = handler.decideNew([reported, { type: 'NumberCase', context: issued.context, data: { caseNumber } }], issued.meta);
            if (isRuleViolation(decided)) throw new Error(`A reported case refused its number: ${decided.message}`);
            events = decided.events;
            return decided.envelopes;
          },
        },
      },
      issued.context,
      issued.meta,
    );
    return { caseNumber, result: { outcome: 'accepted', streamId, revision: appended.revision, position: appended.position, events } };
  }

  /** Where the store cannot write two streams in one commit (EventStoreDB): the case first, then its number. */
  private async reportThenNumber(
    kind: CaseKind,
    streamId: string,
    reported: ReportIncident | ReportStaffMisconduct,
    issued: Issued,
  ): Promise<{ readonly caseNumber: string; readonly result: CommandAccepted<unknown> } | { readonly outcome: 'refused'; readonly violation: RuleViolation }> {
    const { handlers } = this.core;
    // A new id names no stream yet: decided on the empty history without reading it (were it taken, the append's
    // 'no-stream' check refuses and the handler reads and decides again).
    const result: CommandResult<unknown> =
      reported.type === 'ReportIncident'
        ? await handlers.pupilIncident.handle(streamId, reported, issued.meta, [])
        : await handlers.staffMisconduct.handle(streamId, reported, issued.meta, []);
    if (result.outcome === 'refused') return result;
    if (result.outcome !== 'accepted') throw new Error(`A new case's stream ${streamId} was taken`);
    const incidentId = reported.type === 'ReportIncident' ? reported.data.incidentId : reported.report.data.incidentId;
    const numbered = await this.core.number(kind, incidentId, issued);
    if (numbered.result.outcome !== 'accepted') throw new Error(`The new case ${incidentId} refused its number`);
    return { caseNumber: numbered.caseNumber, result: { ...numbered.result, events: result.events } };
  }

  assessScope(incidentId: string, data: { readonly inScope: boolean; readonly rationale: string }, issued: Issued): Promise<CommandOutcome> {
    const command = (context: Issued['context']) => ({ type: 'AssessScope' as const, context, data });
    return this.core.onCaseOutcome(incidentId, issued, { 'pupil-incident': command, 'staff-misconduct': command }, 'scope assessments', incidentId);
  }

  addEvidence(incidentId: string, evidence: Evidence, issued: Issued): Promise<CommandOutcome> {
    const evidenceId = this.core.newId();
    const command = (context: Issued['context']) => ({ type: 'AddEvidence' as const, context, data: { evidenceId, ...evidence } });
    return this.core.onCaseOutcome(incidentId, issued, { 'pupil-incident': command, 'staff-misconduct': command }, 'evidence', evidenceId, () => ({
      incidentId,
    }));
  }

  /** F1–F3: kept in the personnel file or the pupil file; the deciders say whose. */
  recordCorrespondence(incidentId: string, letter: Correspondence, issued: Issued): Promise<CommandOutcome> {
    const correspondenceId = this.core.newId();
    const command = (context: Issued['context']) => ({ type: 'RecordCorrespondence' as const, context, data: { correspondenceId, ...letter } });
    return this.core.onCaseOutcome(incidentId, issued, { 'pupil-incident': command, 'staff-misconduct': command }, 'correspondence', correspondenceId, () => ({
      incidentId,
    }));
  }

  /** CLOSE1: with every open obligation done, or waived in `waive`. */
  async close(
    incidentId: string,
    data: { readonly outcome: string; readonly waive?: readonly { readonly obligationId: string; readonly rationale: string }[] },
    issued: Issued,
  ): Promise<CommandOutcome> {
    const waive = data.waive?.map((w) => ({ obligationId: w.obligationId.toLowerCase(), rationale: w.rationale }));
    // B3: the decisions linked from the case, and which are still open (read from their own streams).
    const loaded = await this.core.cases.load(incidentId);
    const linked = (loaded?.events ?? []).filter((e) => e.type === 'CriminalReportDecisionLinked').map((e) => (e.data as { decisionId: string }).decisionId);
    const openCriminalReportDecisions = await this.criminalReports.stillOpen(linked);
    const command = (context: Issued['context']) => ({
      type: 'CloseIncident' as const,
      context,
      data: { outcome: data.outcome, ...(waive ? { waive } : {}), openCriminalReportDecisions },
    });
    return this.core.onCaseOutcome(incidentId, issued, { 'pupil-incident': command, 'staff-misconduct': command }, 'closing', incidentId);
  }

  reopen(incidentId: string, data: { readonly reason: string }, issued: Issued): Promise<CommandOutcome> {
    const command = (context: Issued['context']) => ({ type: 'ReopenIncident' as const, context, data });
    return this.core.onCaseOutcome(incidentId, issued, { 'pupil-incident': command, 'staff-misconduct': command }, 'reopening', incidentId);
  }

  /** COR1: the category corrected; into B3's category the case is treated as if reported so (statutory item, decision). */
  async reclassify(incidentId: string, data: { readonly category: string; readonly rationale: string }, issued: Issued): Promise<CommandOutcome> {
    const statutoryObligationId = this.core.newId();
    const command = (context: Issued['context']) => ({ type: 'ReclassifyIncident' as const, context, data: { ...data, statutoryObligationId } });
    const result = await this.core.onCase(incidentId, issued, { 'pupil-incident': command, 'staff-misconduct': command }, 'reclassifications');
    if ('kind' in result) return refused(result);
    const statutory =
      result.outcome === 'accepted' && (result.events as readonly { type: string }[]).some((event) => event.type === 'InspectorNotificationQueued');
    if (!statutory) return outcomeOf(result, incidentId);
    return this.openStatutoryDecision(incidentId, statutoryObligationId, issued);
  }

  /** COR1: a person added to the case. */
  addInvolved(incidentId: string, person: InvolvedPerson, issued: Issued): Promise<CommandOutcome> {
    const command = (context: Issued['context']) => ({ type: 'AddInvolvedPerson' as const, context, data: { person } });
    return this.core.onCaseOutcome(incidentId, issued, { 'pupil-incident': command, 'staff-misconduct': command }, 'people', incidentId);
  }

  /** Caseload: who handles the case (seen in their work queue). */
  async assign(incidentId: string, ownerId: string, issued: Issued): Promise<CommandOutcome> {
    // DIR1 (#31): the owner works at the case's school (or board-wide), where the directory knows them.
    const reported = await this.core.cases.reported(incidentId);
    const schoolId = (reported?.report.data as { schoolId?: string } | undefined)?.schoolId;
    const foreign = schoolId ? await staffOutsideSchools(this.core.deps.pupilFacts, ownerId, [schoolId]) : undefined;
    if (foreign) return refused(foreign);
    const command = (context: Issued['context']) => ({ type: 'AssignCase' as const, context, data: { ownerId } });
    return this.core.onCaseOutcome(incidentId, issued, { 'pupil-incident': command, 'staff-misconduct': command }, 'assignments', incidentId);
  }

  /** COR1: a measure withdrawn, with a rationale. */
  async withdraw(incidentId: string, data: { readonly withdrawnId: string; readonly rationale: string }, issued: Issued): Promise<CommandOutcome> {
    const withdrawnId = data.withdrawnId.toLowerCase();
    const command = (context: Issued['context']) => ({ type: 'WithdrawMeasure' as const, context, data: { withdrawnId, rationale: data.rationale } });
    const outcome = await this.core.onCaseOutcome(
      incidentId,
      issued,
      { 'pupil-incident': command, 'staff-misconduct': command },
      'withdrawals',
      withdrawnId,
      () => ({ incidentId }),
    );
    // P5: a withdrawn suspension stops counting towards the pupil's next one (a failed release is repaired later).
    if (outcome.outcome === 'accepted') await this.suspensions.withdrawn(incidentId, withdrawnId, issued);
    return outcome;
  }

  /**
   * rule B3 (revision 2): the criminal-report decision is opened at once, linked both ways, by the statutory duty
   * itself; the answer carries the case's revision after the link, the item and the decision.
   */
  private async openStatutoryDecision(
    incidentId: string,
    statutoryObligationId: string,
    issued: Issued,
    answer: Readonly<Record<string, unknown>> = {},
    location?: string,
  ): Promise<CommandOutcome> {
    const opened = await this.criminalReports.open(
      { sourceIncidentId: incidentId, suspectedOffence: B3_SUSPECTED_OFFENCE },
      { context: { actor: STATUTORY_ACTOR, now: issued.context.now }, meta: issued.meta },
    );
    if (opened.outcome !== 'accepted') return opened;
    const head = await this.core.cases.head(incidentId);
    return {
      outcome: 'accepted',
      id: incidentId,
      revision: head?.revision ?? 0,
      position: head?.position ?? 0,
      answer: { ...answer, inspectorItemId: statutoryObligationId, criminalReportDecisionId: opened.id },
      ...(location ? { location } : {}),
    };
  }
}

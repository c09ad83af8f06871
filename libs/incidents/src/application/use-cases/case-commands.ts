import { type CaseKind, streamIds } from '@casebook/event-store';
import type { AddEvidence, RecordCorrespondence, ReportIncident } from '../../domain/case/case.commands';
import type { InvolvedPerson } from '../../domain/case/involved-person';
import { type CommandOutcome, outcomeOf } from '../command-outcome';
import type { CommandResult } from '../stream-command-handler';
import type { Issued, WriteSideCore } from '../write-side-core';

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

/** Use cases every case takes, pupil incident and staff misconduct alike (SC1, SC2, F1–F3, closing, reopening). */
export class CaseCommands {
  constructor(private readonly core: WriteSideCore) {}

  /** SC1: a new case of either kind; its id is made here, and the answer says where to read it. */
  async report(report: IncidentReport, issued: Issued): Promise<CommandOutcome> {
    const incidentId = this.core.newId();
    const command: ReportIncident = {
      type: 'ReportIncident',
      context: issued.context,
      data: { incidentId, schoolId: report.schoolId, category: report.category, occurredAt: report.occurredAt, summary: report.summary, involved: report.involved },
    };
    const streamId = streamIds.case(report.type, incidentId);
    const { handlers } = this.core;
    const result: CommandResult<unknown> =
      report.type === 'pupil-incident'
        ? await handlers.pupilIncident.handle(streamId, command, issued.meta)
        : await handlers.staffMisconduct.handle(streamId, { type: 'ReportStaffMisconduct', context: issued.context, report: command, statutoryObligationId: this.core.newId() }, issued.meta);
    if (result.outcome !== 'accepted') return outcomeOf(result, incidentId);
    // The case exists: now it takes the year's next number, and records it (the answer's revision is that of the number).
    const numbered = await this.core.number(report.type, incidentId, issued);
    return outcomeOf(numbered.result, incidentId, () => ({ caseNumber: numbered.caseNumber }), `/incidents/${incidentId}`);
  }

  assessScope(incidentId: string, data: { readonly inScope: boolean; readonly rationale: string }, issued: Issued): Promise<CommandOutcome> {
    const command = (context: Issued['context']) => ({ type: 'AssessScope' as const, context, data });
    return this.core.onCaseOutcome(incidentId, issued, { 'pupil-incident': command, 'staff-misconduct': command }, 'scope assessments', incidentId);
  }

  addEvidence(incidentId: string, evidence: Evidence, issued: Issued): Promise<CommandOutcome> {
    const evidenceId = this.core.newId();
    const command = (context: Issued['context']) => ({ type: 'AddEvidence' as const, context, data: { evidenceId, ...evidence } });
    return this.core.onCaseOutcome(incidentId, issued, { 'pupil-incident': command, 'staff-misconduct': command }, 'evidence', evidenceId, () => ({ incidentId }));
  }

  /** F1–F3: kept in the personnel file or the pupil file; the deciders say whose. */
  recordCorrespondence(incidentId: string, letter: Correspondence, issued: Issued): Promise<CommandOutcome> {
    const correspondenceId = this.core.newId();
    const command = (context: Issued['context']) => ({ type: 'RecordCorrespondence' as const, context, data: { correspondenceId, ...letter } });
    return this.core.onCaseOutcome(incidentId, issued, { 'pupil-incident': command, 'staff-misconduct': command }, 'correspondence', correspondenceId, () => ({ incidentId }));
  }

  /** CLOSE1: with every open obligation done, or waived in `waive`. */
  close(incidentId: string, data: { readonly outcome: string; readonly waive?: readonly { readonly obligationId: string; readonly rationale: string }[] }, issued: Issued): Promise<CommandOutcome> {
    const waive = data.waive?.map((w) => ({ obligationId: w.obligationId.toLowerCase(), rationale: w.rationale }));
    const command = (context: Issued['context']) => ({ type: 'CloseIncident' as const, context, data: { outcome: data.outcome, ...(waive ? { waive } : {}) } });
    return this.core.onCaseOutcome(incidentId, issued, { 'pupil-incident': command, 'staff-misconduct': command }, 'closing', incidentId);
  }

  reopen(incidentId: string, data: { readonly reason: string }, issued: Issued): Promise<CommandOutcome> {
    const command = (context: Issued['context']) => ({ type: 'ReopenIncident' as const, context, data });
    return this.core.onCaseOutcome(incidentId, issued, { 'pupil-incident': command, 'staff-misconduct': command }, 'reopening', incidentId);
  }
}

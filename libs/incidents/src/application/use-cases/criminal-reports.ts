import { streamIds } from '@casebook/event-store';
import type { CriminalReportEvent } from '../../domain/criminal-report/criminal-report.events';
import type { CriminalReportDecisionKind } from '../../domain/criminal-report/criminal-report.events';
import { evolveCriminalReport, initialCriminalReportState } from '../../domain/criminal-report/criminal-report.state';
import { refuse } from '../../domain/shared/rule-violation';
import { type CommandOutcome, outcomeOf, refused } from '../command-outcome';
import { type Issued, type WriteSideCore, noCase } from '../write-side-core';

/** Criminal-report decisions (`criminal-report-<uuid>`): P4 opens one, B2/B3 decide it, the police report closes it. */
export class CriminalReportCommands {
  constructor(private readonly core: WriteSideCore) {}

  /** P4: opened from a case (as it stands now), then linked from it: "linked both ways". */
  async open(data: { readonly sourceIncidentId: string; readonly suspectedOffence: string }, issued: Issued): Promise<CommandOutcome> {
    const sourceIncidentId = data.sourceIncidentId.toLowerCase();
    const source = await this.core.cases.sourceCase(sourceIncidentId);
    if (!source) return refused(noCase(sourceIncidentId));
    const decisionId = this.core.newId();
    const result = await this.core.handlers.criminalReport.handle(
      streamIds.criminalReport(decisionId),
      { type: 'OpenCriminalReportDecision', context: issued.context, data: { decisionId, source, suspectedOffence: data.suspectedOffence } },
      issued.meta,
    );
    if (result.outcome === 'accepted') await this.linkFromSource(sourceIncidentId, decisionId, issued);
    return outcomeOf(result, decisionId, () => ({ sourceIncidentId }), `/criminal-report-decisions/${decisionId}`);
  }

  /** B2, B3: the board decides; B3 depends on the inspector's conclusion as the source case records it now. */
  async decide(
    decisionId: string,
    data: { readonly decision: CriminalReportDecisionKind; readonly rationale: string },
    issued: Issued,
  ): Promise<CommandOutcome> {
    const streamId = streamIds.criminalReport(decisionId);
    const events = await this.core.deps.store.readStream(streamId);
    const state = events.reduce((s, e) => evolveCriminalReport(s, e as unknown as CriminalReportEvent), initialCriminalReportState);
    if (!state.opened) return refused(refuse('CASE', `No criminal-report decision ${decisionId}`, 'not-found'));
    const source = await this.core.cases.sourceCase(state.sourceIncidentId);
    if (!source) return refused(noCase(state.sourceIncidentId));
    const policeReportObligationId = this.core.newId();
    const noticeObligationIds = { parents: this.core.newId(), accused: this.core.newId() };
    const result = await this.core.handlers.criminalReport.handle(
      streamId,
      { type: 'DecideCriminalReport', context: issued.context, data: { ...data, policeReportObligationId, noticeObligationIds, source } },
      issued.meta,
      events,
    );
    return outcomeOf(result, decisionId, (decided) => {
      if (data.decision !== 'report') return {};
      const opened = (decided as readonly { data: { obligations?: readonly { kind: string; obligationId: string }[] } }[])[0]?.data.obligations ?? [];
      const notices = opened.filter((o) => o.kind !== 'police-report').map(({ obligationId, kind }) => ({ obligationId, kind }));
      return { policeReportObligationId, ...(notices.length ? { notices } : {}) };
    });
  }

  /** B3: the pupil's parents or the accused informed before the police report; closes that notice. */
  async recordStatutoryNotice(
    decisionId: string,
    data: { readonly to: 'parents' | 'accused'; readonly channel: 'letter' | 'e-mail' | 'phone' | 'meeting'; readonly informedAt: string },
    issued: Issued,
  ): Promise<CommandOutcome> {
    const result = await this.core.handlers.criminalReport.handle(
      streamIds.criminalReport(decisionId),
      { type: 'RecordStatutoryNotice', context: issued.context, data },
      issued.meta,
    );
    return outcomeOf(result, decisionId);
  }

  /** B2: date, station and reference; closes the police-report obligation. */
  async recordPoliceReport(
    decisionId: string,
    data: { readonly filedAt: string; readonly policeStation: string; readonly policeReference: string },
    issued: Issued,
  ): Promise<CommandOutcome> {
    const result = await this.core.handlers.criminalReport.handle(
      streamIds.criminalReport(decisionId),
      { type: 'RecordPoliceReport', context: issued.context, data },
      issued.meta,
    );
    return outcomeOf(result, decisionId);
  }

  /** B3: which of these decisions are still open — not decided, or decided to report and the report not filed. */
  async stillOpen(decisionIds: readonly string[]): Promise<string[]> {
    const open: string[] = [];
    for (const decisionId of decisionIds) {
      const events = await this.core.deps.store.readStream(streamIds.criminalReport(decisionId));
      const state = events.reduce((s, e) => evolveCriminalReport(s, e as unknown as CriminalReportEvent), initialCriminalReportState);
      if (state.opened && (state.decision === null || (state.decision === 'report' && !state.policeReportFiled))) open.push(decisionId);
    }
    return open;
  }

  /**
   * The second append of P4's "linked both ways". The decision is the truth; if this append fails the link is
   * logged as missing, and read models still find the decision by its source id.
   */
  private async linkFromSource(incidentId: string, decisionId: string, issued: Issued): Promise<void> {
    const { logger } = this.core.deps;
    const meta = { correlationId: issued.meta.correlationId, causationId: decisionId };
    try {
      const linked = await this.core.onCase(
        incidentId,
        { context: issued.context, meta },
        {
          'pupil-incident': (context) => ({ type: 'LinkCriminalReportDecision', context, data: { decisionId } }),
          'staff-misconduct': (context) => ({ type: 'LinkCriminalReportDecision', context, data: { decisionId } }),
        },
        'links',
      );
      if ('kind' in linked || linked.outcome !== 'accepted')
        logger?.warn({ incidentId, decisionId, outcome: 'kind' in linked ? linked.rule : linked.outcome }, 'criminal-report decision not linked from its case');
    } catch (error) {
      logger?.error({ incidentId, decisionId, err: error }, 'criminal-report decision not linked from its case');
    }
  }
}

import { actsForSchool } from '../shared/actor';
import { addWorkingDays, isAfter } from '../shared/calendar';
import type { DomainPolicy } from '../shared/command-context';
import { type Decision, assertNever, refuse } from '../shared/rule-violation';
import type { OpenedObligation } from '../shared/obligation';
import type {
  CriminalReportCommand,
  DecideCriminalReport,
  OpenCriminalReportDecision,
  RecordPoliceReport,
  RecordStatutoryNotice,
} from './criminal-report.commands';
import type { CriminalReportEvent } from './criminal-report.events';
import type { CriminalReportState } from './criminal-report.state';

/** The decider of a criminal-report decision stream (`criminal-report-<uuid>`): rules B2, B3, P4. */
export function decideCriminalReport(command: CriminalReportCommand, state: CriminalReportState, policy: DomainPolicy): Decision<CriminalReportEvent> {
  switch (command.type) {
    case 'OpenCriminalReportDecision':
      return decideOpen(command, state);
    case 'DecideCriminalReport':
      return decideDecision(command, state, policy);
    case 'RecordPoliceReport':
      return decidePoliceReport(command, state);
    case 'RecordStatutoryNotice':
      return decideStatutoryNotice(command, state);
    default:
      return assertNever(command);
  }
}

/** rule P4: a possible criminal offence opens a criminal-report decision, from a pupil or staff case. */
function decideOpen(command: OpenCriminalReportDecision, state: CriminalReportState): Decision<CriminalReportEvent> {
  const { data, context } = command;
  const { actor } = context;
  if (state.opened) return refuse('CASE', `Decision ${data.decisionId} is already opened`);
  if (actor.role !== 'director' && actor.role !== 'board') return refuse('P4', 'A director or the board opens a criminal-report decision', 'forbidden');
  if (!actsForSchool(actor, data.source.schoolId)) return refuse('ROLE', 'The source case belongs to another school', 'forbidden');
  if (data.source.excluded?.includes(actor.id)) return refuse('CI1', 'You are involved in the source case: you cannot act on it', 'forbidden');
  if (data.source.closed) return refuse('CLOSED', 'The source case is closed; reopen it first');
  if (!data.suspectedOffence.trim()) return refuse('P4', 'The suspected offence is named');
  return [
    {
      type: 'CriminalReportDecisionOpened',
      data: {
        decisionId: data.decisionId,
        sourceIncidentId: data.source.incidentId,
        sourceKind: data.source.kind,
        schoolId: data.source.schoolId,
        suspectedOffence: data.suspectedOffence,
        // rule B3: opened under the statutory duty when the source is a sexual offence against a minor pupil.
        statutory: data.source.kind === 'staff-misconduct' && data.source.category === 'sexual-offence-against-pupil',
        openedBy: actor.id,
      },
    },
  ];
}

/** rule B2: the board decides; not reporting needs a rationale; reporting opens the police-report obligation. */
function decideDecision(command: DecideCriminalReport, state: CriminalReportState, policy: DomainPolicy): Decision<CriminalReportEvent> {
  const { data, context } = command;
  if (!state.opened) return refuse('CASE', 'No such criminal-report decision', 'not-found');
  if (context.actor.role !== 'board') return refuse('B2', 'Only the board decides on a police report', 'forbidden');
  // rule CI1: a board member involved in the source case is excluded from the decision.
  if (data.source.excluded?.includes(context.actor.id))
    return refuse('CI1', 'You are involved in the source case: you cannot decide on its police report', 'forbidden');
  if (state.decision) return refuse('B2', `Already decided: ${state.decision}`);
  // rule B3 (revision 2): under the statutory duty nothing is decided before the inspector was consulted, with a conclusion.
  if (state.statutory && data.source.statutoryConclusion === null) {
    return refuse('B3', 'The confidential inspector is consulted first (WPO art. 4a): record the call with its conclusion, then decide');
  }
  if (data.decision === 'do-not-report') {
    if (!data.rationale.trim()) return refuse('B2', 'A decision not to report needs a rationale (for example legal advice that it is no offence)');
    // rule B3: after the consultation found a reasonable suspicion, the board must report.
    if (state.statutory && data.source.statutoryConclusion === 'reasonable-suspicion') {
      return refuse('B3', 'The inspector consultation concluded there is a reasonable suspicion: the board must report to the police');
    }
    return [{ type: 'CriminalReportDecided', data: { decision: 'do-not-report', rationale: data.rationale, decidedBy: context.actor.id, obligations: [] } }];
  }
  const dueAt = addWorkingDays(context.now, policy.policeReportWithinWorkingDays, policy.workingDays);
  // rule B3 (revision 2): before the report is filed the board informs the pupil's parents and the accused.
  const notices: OpenedObligation[] =
    state.statutory && data.noticeObligationIds
      ? [
          { obligationId: data.noticeObligationIds.parents, kind: 'inform-parents-before-police-report', regarding: data.source.incidentId, dueAt },
          { obligationId: data.noticeObligationIds.accused, kind: 'inform-accused-before-police-report', regarding: data.source.incidentId, dueAt },
        ]
      : [];
  return [
    {
      type: 'CriminalReportDecided',
      data: {
        decision: 'report',
        rationale: data.rationale,
        decidedBy: context.actor.id,
        obligations: [{ obligationId: data.policeReportObligationId, kind: 'police-report', regarding: data.source.incidentId, dueAt }, ...notices],
      },
    },
  ];
}

/** rule B2: a decision to report stays open until the police report (date, station, reference) is recorded. */
function decidePoliceReport(command: RecordPoliceReport, state: CriminalReportState): Decision<CriminalReportEvent> {
  const { data, context } = command;
  if (!state.opened) return refuse('CASE', 'No such criminal-report decision', 'not-found');
  if (context.actor.role !== 'board') return refuse('B2', 'Only the board records the police report', 'forbidden');
  if (state.decision !== 'report' || !state.policeReportObligationId) return refuse('B2', 'A police report is recorded after a decision to report');
  if (state.policeReportFiled) return refuse('B2', 'The police report is already recorded');
  if (!data.policeStation.trim() || !data.policeReference.trim()) return refuse('B2', 'The police report records the station and the police reference');
  if (isAfter(data.filedAt, context.now)) return refuse('B4', 'filedAt lies in the future');
  return [
    {
      type: 'PoliceReportFiled',
      data: {
        filedAt: data.filedAt,
        policeStation: data.policeStation,
        policeReference: data.policeReference,
        recordedBy: context.actor.id,
        closesObligationId: state.policeReportObligationId,
        // rule B3 with FACT1 (#32): filing is a fact and is recorded; notices still open were due before it, so
        // from now on they are due at the filing, and one given later is late — never "before the report".
        ...(Object.keys(state.noticesOpen).length ? { noticesDueAtFiling: Object.values(state.noticesOpen) } : {}),
      },
    },
  ];
}

/** rule B3: the notice to the pupil's parents or to the accused, before the police report (recorded as given, FACT1). */
function decideStatutoryNotice(command: RecordStatutoryNotice, state: CriminalReportState): Decision<CriminalReportEvent> {
  const { data, context } = command;
  if (!state.opened) return refuse('CASE', 'No such criminal-report decision', 'not-found');
  if (context.actor.role !== 'board') return refuse('B3', 'The board informs the parents and the accused', 'forbidden');
  const obligationId = state.noticesOpen[data.to];
  if (!obligationId) return refuse('B3', `No notice to the ${data.to} is open: it follows a statutory decision to report, once`);
  if (isAfter(data.informedAt, context.now)) return refuse('B4', 'informedAt lies in the future');
  return [
    {
      type: 'StatutoryNoticeGiven',
      data: {
        informed: data.to,
        channel: data.channel,
        informedAt: data.informedAt,
        informedBy: context.actor.id,
        closesObligationId: obligationId,
        // rule B3 with FACT1 (#32): informed after the filing: recorded as it happened, and said so.
        ...(state.policeReportFiledAt && isAfter(data.informedAt, state.policeReportFiledAt) ? { afterPoliceReport: true } : {}),
      },
    },
  ];
}

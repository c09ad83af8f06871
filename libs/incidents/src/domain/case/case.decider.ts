import { type Actor, actsForSchool } from '../shared/actor';
import { isAfter } from '../shared/calendar';
import { type Decision, type RuleViolation, assertNever, refuse } from '../shared/rule-violation';
import type { CaseKindRules } from './case-kind.rules';
import type {
  AddEvidence,
  AddInvolvedPerson,
  AssessScope,
  AssignCase,
  CaseCommand,
  CloseIncident,
  LinkCriminalReportDecision,
  ReclassifyIncident,
  RecordCorrespondence,
  ReportIncident,
} from './case.commands';
import type { CaseEvent } from './case.events';
import type { CaseState } from './case.state';
import { excludedFromCase } from './conflict-of-interest';
import { type ObligationKind, NOT_THE_SCHOOLS } from '../shared/obligation';

/** The commands every case has: report, scope, evidence, correspondence, close, reopen. */
export function decideCase(command: CaseCommand, state: CaseState, rules: CaseKindRules): Decision<CaseEvent> {
  if (command.type === 'ReportIncident') return decideReport(command, state, rules);
  if (command.type === 'LinkCriminalReportDecision') return decideLink(command, state);
  if (command.type === 'NumberCase') {
    // The number is the counter's fact, given once; the case takes it whatever its state (closed too).
    if (!state.reported) return refuse('CASE', 'No such incident', 'not-found');
    return state.caseNumber ? [] : [{ type: 'CaseNumbered', data: { caseNumber: command.data.caseNumber } }];
  }
  const { actor } = command.context;
  const refused = guardCase(state, actor, command.type === 'ReopenIncident');
  if (refused) return refused;
  switch (command.type) {
    case 'AssessScope':
      return decideScope(command, state, rules);
    case 'AddEvidence':
      return decideEvidence(command, state);
    case 'RecordCorrespondence':
      return decideCorrespondence(command, state, rules);
    case 'CloseIncident':
      if (!rules.mayDecideCase(actor)) return refuse('ROLE', `A ${actor.role} does not close this kind of case`, 'forbidden');
      if (!command.data.outcome.trim()) return refuse('CASE', 'A case is closed with an outcome');
      return decideClose(command, state);
    case 'ReclassifyIncident':
      return decideReclassify(command, state, rules);
    case 'AddInvolvedPerson':
      return decideAddInvolved(command, state, rules);
    case 'AssignCase':
      return decideAssign(command, state, rules);
    case 'WithdrawMeasure':
      // The measure's kind decides who withdraws it: the pupil and staff deciders take this command.
      return refuse('CASE', 'Measures are withdrawn by the decider of the case kind');
    case 'ReopenIncident':
      if (!rules.mayDecideCase(actor)) return refuse('ROLE', `A ${actor.role} does not reopen this kind of case`, 'forbidden');
      if (!state.closed) return refuse('CLOSED', 'The case is open: there is nothing to reopen');
      if (!command.data.reason.trim()) return refuse('CLOSED', 'A case is reopened with a reason');
      return [{ type: 'IncidentReopened', data: { reason: command.data.reason, reopenedBy: actor.id } }];
    default:
      return assertNever(command);
  }
}

/** rule COR1: a category corrected by who decides the case (director of the school or board; board for staff). */
function decideReclassify(command: ReclassifyIncident, state: CaseState, rules: CaseKindRules): Decision<CaseEvent> {
  const { data, context } = command;
  if (!rules.mayDecideCase(context.actor)) return refuse('COR1', `A ${context.actor.role} does not reclassify this kind of case`, 'forbidden');
  if (!rules.categories.includes(data.category))
    return refuse('SC1', `Category ${data.category} is not one of a ${rules.kind}'s: a case is reclassified within its kind`);
  if (data.category === state.category) return refuse('COR1', `The case is already ${data.category}`);
  if (!data.rationale.trim()) return refuse('COR1', 'A reclassification states its rationale');
  return [{ type: 'IncidentReclassified', data: { from: state.category, to: data.category, rationale: data.rationale, reclassifiedBy: context.actor.id } }];
}

/** rule COR1: a person added to the case, once, by who decides the case; the case's kind rules still hold (SC1). */
function decideAddInvolved(command: AddInvolvedPerson, state: CaseState, rules: CaseKindRules): Decision<CaseEvent> {
  const { data, context } = command;
  if (!rules.mayDecideCase(context.actor)) return refuse('COR1', `A ${context.actor.role} does not add people to this kind of case`, 'forbidden');
  if (state.involved.some((p) => p.personId === data.person.personId)) return refuse('COR1', `${data.person.personId} is already involved in this case`);
  const problem = rules.involvementProblem([...state.involved, data.person]);
  if (problem) return refuse('SC1', problem);
  return [{ type: 'InvolvedPersonAdded', data: { involved: [data.person], addedBy: context.actor.id } }];
}

/**
 * The case's owner (caseload): chosen by who decides the case — the director of the school for a pupil case, the
 * board. rule CI1: never someone the case is about (they could not act on it).
 */
function decideAssign(command: AssignCase, state: CaseState, rules: CaseKindRules): Decision<CaseEvent> {
  const { data, context } = command;
  if (!rules.mayDecideCase(context.actor)) return refuse('ROLE', `A ${context.actor.role} does not assign this kind of case`, 'forbidden');
  if (excludedFromCase(data.ownerId, state.involved, state.heardPeople))
    return refuse('CI1', `${data.ownerId} is involved in this case (or was heard in it): the case cannot be theirs to handle`);
  if (state.ownerId === data.ownerId) return [];
  return [{ type: 'CaseAssigned', data: { ownerId: data.ownerId, assignedBy: context.actor.id } }];
}

/**
 * The school's open obligations of a case (CLOSE1): all its own, but P6's objection window, which is the parents'
 * deadline and lapses by itself.
 */
function schoolObligations(state: CaseState): [string, ObligationKind][] {
  return Object.entries(state.openObligations).filter(([, kind]) => !NOT_THE_SCHOOLS.has(kind));
}

/**
 * rule CLOSE1: a case closes only when none of the school's obligations is open, or the close waives each one with a
 * rationale; a statutory inspector item (B3) is never waived.
 */
function decideClose(command: CloseIncident, state: CaseState): Decision<CaseEvent> {
  const { data, context } = command;
  // rule B3: a case under the statutory duty stays open while its criminal-report decision is (undecided, or not yet filed).
  if (state.statutory && data.openCriminalReportDecisions?.length) {
    return refuse(
      'B3',
      `The criminal-report decision of this case is still open (${data.openCriminalReportDecisions.join(', ')}): decide it, and file the report when decided`,
      'conflict',
      { openCriminalReportDecisions: data.openCriminalReportDecisions },
    );
  }
  const open = new Map(schoolObligations(state));
  const waive = data.waive ?? [];
  for (const waiver of waive) {
    const kind = open.get(waiver.obligationId);
    if (!kind) return refuse('CLOSE1', `Obligation ${waiver.obligationId} is not open in this case: only open obligations are waived`);
    if (kind === 'inspector-call-statutory') return refuse('B3', 'The statutory consultation of the confidential inspector (WPO art. 4a) can never be waived');
    if (!waiver.rationale.trim()) return refuse('CLOSE1', `Waiving obligation ${waiver.obligationId} needs a rationale`);
  }
  if (new Set(waive.map((w) => w.obligationId)).size !== waive.length) return refuse('CLOSE1', 'An obligation is waived once');
  const waived = new Set(waive.map((w) => w.obligationId));
  const left = [...open].filter(([id]) => !waived.has(id));
  if (left.length) {
    return refuse(
      'CLOSE1',
      `The case has open obligations: ${left.map(([id, kind]) => `${kind} ${id}`).join(', ')}; record them done, or waive each with a rationale`,
      'conflict',
      { openObligations: left.map(([obligationId, kind]) => ({ obligationId, kind })) },
    );
  }
  return [
    ...waive.map((w): CaseEvent => ({
      type: 'ObligationWaived',
      data: { obligationId: w.obligationId, kind: open.get(w.obligationId)!, rationale: w.rationale, waivedBy: context.actor.id },
    })),
    { type: 'IncidentClosed', data: { outcome: data.outcome, rationale: null, closedBy: context.actor.id } },
  ];
}

/**
 * P4: "linked both ways". The decision exists already, so the link is recorded even if the case was closed
 * meanwhile, and recording it twice changes nothing (the application may retry it).
 */
function decideLink(command: LinkCriminalReportDecision, state: CaseState): Decision<CaseEvent> {
  if (!state.reported) return refuse('CASE', 'No such incident', 'not-found');
  if (state.criminalReportDecisions.includes(command.data.decisionId)) return [];
  return [{ type: 'CriminalReportDecisionLinked', data: { decisionId: command.data.decisionId, linkedBy: command.context.actor.id } }];
}

/**
 * Every command on an existing case: the case exists (CASE), belongs to one of the actor's schools (ROLE),
 * and is open (CLOSED) unless the command reopens it or records a fact (CLOSE1).
 */
export function guardCase(state: CaseState, actor: Actor, onClosedToo = false): RuleViolation | undefined {
  if (!state.reported) return refuse('CASE', 'No such incident', 'not-found');
  if (!actsForSchool(actor, state.schoolId)) return refuse('ROLE', 'This incident belongs to another school', 'forbidden');
  // rule CI1: the people the case is about do not act on it, whatever their roles.
  if (excludedFromCase(actor.id, state.involved, state.heardPeople))
    return refuse('CI1', 'You are involved in this case (or were heard in it): you cannot act on it', 'forbidden');
  if (state.closed && !onClosedToo) return refuse('CLOSED', 'The case is closed; reopen it first');
  return undefined;
}

function decideReport(command: ReportIncident, state: CaseState, rules: CaseKindRules): Decision<CaseEvent> {
  const { data, context } = command;
  if (state.reported) return refuse('CASE', `Incident ${data.incidentId} is already reported`);
  if (!actsForSchool(context.actor, data.schoolId)) return refuse('ROLE', 'Incidents are reported for one of your own schools', 'forbidden');
  // rule SC1: the protocol covers the whole school community; the case names who is involved, and how.
  if (!rules.categories.includes(data.category)) return refuse('SC1', `Category ${data.category} is not one of a ${rules.kind}'s`);
  const ids = data.involved.map((person) => person.personId);
  if (new Set(ids).size !== ids.length) return refuse('SC1', 'A person is listed twice among the involved');
  const problem = rules.involvementProblem(data.involved);
  if (problem) return refuse('SC1', problem);
  if (!data.summary.trim()) return refuse('SC1', 'A report has a summary');
  // rule B4: what happened cannot lie after the moment it is recorded.
  if (isAfter(data.occurredAt, context.now)) return refuse('B4', 'occurredAt lies in the future');
  return [
    {
      type: 'IncidentReported',
      data: {
        incidentId: data.incidentId,
        kind: rules.kind,
        schoolId: data.schoolId,
        category: data.category,
        occurredAt: data.occurredAt,
        summary: data.summary,
        involved: data.involved,
        reportedBy: context.actor.id,
      },
    },
  ];
}

function decideScope(command: AssessScope, state: CaseState, rules: CaseKindRules): Decision<CaseEvent> {
  const { data, context } = command;
  if (!rules.mayDecideCase(context.actor)) return refuse('ROLE', `A ${context.actor.role} does not assess the scope of this case`, 'forbidden');
  // rule SC2: assessed with a rationale; cyberbullying is always in scope; out of scope closes as not-applicable.
  if (!data.rationale.trim()) return refuse('SC2', 'A scope assessment states its rationale');
  if (!data.inScope && state.category === 'cyberbullying') return refuse('SC2', 'Cyberbullying is always in scope');
  const assessed: CaseEvent = { type: 'ScopeAssessed', data: { inScope: data.inScope, rationale: data.rationale, assessedBy: context.actor.id } };
  if (data.inScope) return [assessed];
  // rule B3: a case with a statutory inspector item is never out of scope; CLOSE1: nor closes with obligations open.
  if (state.statutory) return refuse('B3', 'Signs of a sexual offence against a pupil (WPO art. 4a) are never out of scope');
  const open = schoolObligations(state);
  if (open.length)
    return refuse(
      'CLOSE1',
      `The case has open obligations (${open.map(([id, kind]) => `${kind} ${id}`).join(', ')}): close it explicitly, waiving each with a rationale`,
      'conflict',
      { openObligations: open.map(([obligationId, kind]) => ({ obligationId, kind })) },
    );
  return [assessed, { type: 'IncidentClosed', data: { outcome: 'not-applicable', rationale: data.rationale, closedBy: context.actor.id } }];
}

function decideEvidence(command: AddEvidence, state: CaseState): Decision<CaseEvent> {
  const { data, context } = command;
  const { actor } = context;
  // Role table: a teacher adds evidence only to incidents it reported; directors and the board to any.
  const mayAdd = actor.role === 'director' || actor.role === 'board' || actor.id === state.reportedBy;
  if (!mayAdd) return refuse('ROLE', 'Evidence is added by the reporter, a director or the board', 'forbidden');
  if (state.knownIds.has(data.evidenceId)) return refuse('CASE', `Evidence ${data.evidenceId} is already recorded`);
  if (data.capturedAt && isAfter(data.capturedAt, context.now)) return refuse('B4', 'capturedAt lies in the future');
  return [
    {
      type: 'EvidenceAdded',
      data: {
        evidenceId: data.evidenceId,
        description: data.description,
        sha256: data.sha256.toLowerCase(),
        mediaType: data.mediaType,
        capturedAt: data.capturedAt ?? null,
        addedBy: actor.id,
      },
    },
  ];
}

function decideCorrespondence(command: RecordCorrespondence, state: CaseState, rules: CaseKindRules): Decision<CaseEvent> {
  const { data, context } = command;
  if (!rules.mayRecordCorrespondence(context.actor)) {
    return refuse('ROLE', `A ${context.actor.role} does not record correspondence in this kind of case`, 'forbidden');
  }
  if (state.knownIds.has(data.correspondenceId)) return refuse('CASE', `Correspondence ${data.correspondenceId} is already recorded`);
  // rule F3: direction, counterpart, channel, date and summary (and optionally the document's SHA-256).
  if (!data.summary.trim()) return refuse('F3', 'Correspondence is recorded with a summary');
  if (isAfter(data.occurredAt, context.now)) return refuse('B4', 'occurredAt lies in the future');
  // rules F1/F2: which file keeps it is decided here, once, and travels with the event.
  const filedIn = rules.correspondenceFile(state, data.concerningPupilIds);
  if (typeof filedIn === 'string') return refuse(rules.kind === 'pupil-incident' ? 'F2' : 'F1', filedIn);
  return [
    {
      type: 'CorrespondenceRecorded',
      data: {
        correspondenceId: data.correspondenceId,
        direction: data.direction,
        counterpart: data.counterpart,
        channel: data.channel,
        occurredAt: data.occurredAt,
        summary: data.summary,
        documentSha256: data.documentSha256?.toLowerCase() ?? null,
        filedIn,
        recordedBy: context.actor.id,
      },
    },
  ];
}

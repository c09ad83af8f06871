import { decideCase, guardCase } from '../case/case.decider';
import { addWorkingDays } from '../shared/calendar';
import type { DomainPolicy } from '../shared/command-context';
import { isAfter } from '../shared/calendar';
import type { RecordHearing } from '../pupil-incident/pupil-incident.commands';
import type { HearingHeld } from '../pupil-incident/pupil-incident.events';
import { type Decision, assertNever, isRuleViolation, refuse } from '../shared/rule-violation';
import { decideDisciplinaryIntention, decideDisciplinaryMeasure, decideManagerConsultation } from './disciplinary.decider';
import { decideDismissalOutcome, decideStartDismissalProcedure } from './dismissal-procedure.decider';
import { decideInspectorCall, decideQualifyConduct } from './inspector.decider';
import { STAFF_MISCONDUCT_RULES } from './staff-misconduct-kind.rules';
import type { ReclassifyIncident, WithdrawMeasure } from '../case/case.commands';
import type { ReportStaffMisconduct, StaffMisconductCommand } from './staff-misconduct.commands';
import type { StaffMisconductEvent } from './staff-misconduct.events';
import type { StaffMisconductState } from './staff-misconduct.state';

/** The decider of a staff misconduct stream (`staff-misconduct-<uuid>`). */
export function decideStaffMisconduct(command: StaffMisconductCommand, state: StaffMisconductState, policy: DomainPolicy): Decision<StaffMisconductEvent> {
  switch (command.type) {
    case 'ReportStaffMisconduct':
      return decideReport(command, state, policy);
    case 'AssessScope':
    case 'AddEvidence':
    case 'RecordCorrespondence':
    case 'CloseIncident':
    case 'ReopenIncident':
    case 'LinkCriminalReportDecision':
    case 'AddInvolvedPerson':
    case 'AssignCase':
    case 'NumberCase':
      return decideCase(command, state, STAFF_MISCONDUCT_RULES);
    case 'ReclassifyIncident':
      return decideStaffReclassification(command, state, policy);
    case 'WithdrawMeasure': {
      const refused = guardCase(state, command.context.actor);
      return refused ?? decideStaffWithdrawal(command, state);
    }
    case 'QualifyConduct':
    case 'RecordInspectorCall':
    case 'RecordManagerConsultation':
    case 'ImposeDisciplinaryMeasure':
    case 'AnnounceDisciplinaryIntention':
    case 'RecordHearing':
    case 'StartDismissalProcedure':
    case 'RecordDismissalOutcome': {
      const refused = guardCase(state, command.context.actor);
      if (refused) return refused;
      switch (command.type) {
        case 'QualifyConduct':
          return decideQualifyConduct(command, state, policy);
        case 'RecordInspectorCall':
          return decideInspectorCall(command, state);
        case 'RecordManagerConsultation':
          return decideManagerConsultation(command, state);
        case 'AnnounceDisciplinaryIntention':
          return decideDisciplinaryIntention(command, state);
        case 'RecordHearing':
          return decideStaffHearing(command, state);
        case 'StartDismissalProcedure':
          return decideStartDismissalProcedure(command, state);
        case 'RecordDismissalOutcome':
          return decideDismissalOutcome(command, state);
        default:
          return decideDisciplinaryMeasure(command, state, policy);
      }
    }
    default:
      return assertNever(command);
  }
}

/** rule COR1, B3: reclassified into signs of a sexual offence against a pupil, the case is treated as if reported so. */
function decideStaffReclassification(command: ReclassifyIncident, state: StaffMisconductState, policy: DomainPolicy): Decision<StaffMisconductEvent> {
  const reclassified = decideCase(command, state, STAFF_MISCONDUCT_RULES);
  if (isRuleViolation(reclassified) || command.data.category !== B3_CATEGORY || state.statutory) return reclassified;
  if (!command.data.statutoryObligationId) return refuse('B3', 'The statutory inspector item needs its id (the application makes it)');
  return [...reclassified, statutoryItem(command.data.statutoryObligationId, state.incidentId, command.context.now, policy)];
}

/**
 * rule COR1: a disciplinary measure, or a qualification of the conduct (#32), withdrawn by the board with a rationale
 * (e.g. after an objection). A withdrawn qualification no longer counts for S9.
 */
function decideStaffWithdrawal(command: WithdrawMeasure, state: StaffMisconductState): Decision<StaffMisconductEvent> {
  const { data, context } = command;
  if (context.actor.role !== 'board') return refuse('COR1', 'The board withdraws a disciplinary measure or a qualification', 'forbidden');
  if (!state.measureKinds[data.withdrawnId] && !state.qualificationKinds[data.withdrawnId])
    return refuse('COR1', `No measure or qualification ${data.withdrawnId} in this case`, 'not-found');
  if (state.withdrawnMeasures.includes(data.withdrawnId)) return refuse('COR1', 'The measure is withdrawn already');
  if (!data.rationale.trim()) return refuse('COR1', 'A withdrawal states its rationale');
  return [{ type: 'MeasureWithdrawn', data: { withdrawnId: data.withdrawnId, rationale: data.rationale, withdrawnBy: context.actor.id } }];
}

const B3_CATEGORY = 'sexual-offence-against-pupil';

/** B3: the statutory item in the inspector queue, due within the policy's working days ("without delay"). */
function statutoryItem(obligationId: string, incidentId: string, now: string, policy: DomainPolicy): StaffMisconductEvent {
  return {
    type: 'InspectorNotificationQueued',
    data: {
      basis: 'statutory',
      obligation: {
        obligationId,
        kind: 'inspector-call-statutory',
        regarding: incidentId,
        dueAt: addWorkingDays(now, policy.inspectorCallWithinWorkingDays, policy.workingDays),
      },
    },
  };
}

/** rule B3: signs of a sexual offence against a minor pupil put a statutory item in the inspector queue at once. */
function decideReport(command: ReportStaffMisconduct, state: StaffMisconductState, policy: DomainPolicy): Decision<StaffMisconductEvent> {
  const reported = decideCase(command.report, state, STAFF_MISCONDUCT_RULES);
  if (isRuleViolation(reported) || command.report.data.category !== B3_CATEGORY) return reported;
  return [...reported, statutoryItem(command.statutoryObligationId, command.report.data.incidentId, command.report.context.now, policy)];
}

/** rule S12: the board hears a staff member of the case (hoor en wederhoor) — the hearing a measure waits for. */
function decideStaffHearing(command: RecordHearing, state: StaffMisconductState): Decision<HearingHeld> {
  const { data, context } = command;
  if (context.actor.role !== 'board') return refuse('S12', 'In a staff case the board hears the staff member', 'forbidden');
  if (state.knownIds.has(data.hearingId)) return refuse('CASE', `Hearing ${data.hearingId} is already recorded`);
  const heard = state.involved.find((p) => p.personId === data.heardPersonId);
  if (!heard) return refuse('S12', 'The heard person is not involved in this case');
  if (data.heardAs !== undefined && data.heardAs !== 'staff-member')
    return refuse('S12', 'In a staff case the hearing is of a staff member (heardAs staff-member)');
  if (!data.summary.trim()) return refuse('S12', 'A hearing is recorded with a summary');
  if (isAfter(data.heardAt, context.now)) return refuse('B4', 'heardAt lies in the future');
  return [
    {
      type: 'HearingHeld',
      data: {
        hearingId: data.hearingId,
        heardPersonId: data.heardPersonId,
        heardPersonKind: heard.personKind,
        heardAs: heard.personKind === 'staff' ? 'staff-member' : null,
        heardAt: data.heardAt,
        summary: data.summary,
        recordedBy: context.actor.id,
      },
    },
  ];
}

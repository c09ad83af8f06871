import { decideCase, guardCase } from '../case/case.decider';
import { addWorkingDays } from '../shared/calendar';
import type { DomainPolicy } from '../shared/command-context';
import { type Decision, assertNever, isRuleViolation } from '../shared/rule-violation';
import { decideDisciplinaryMeasure, decideManagerConsultation } from './disciplinary.decider';
import { decideInspectorCall, decideQualifyConduct } from './inspector.decider';
import { STAFF_MISCONDUCT_RULES } from './staff-misconduct-kind.rules';
import type { ReportStaffMisconduct, StaffMisconductCommand } from './staff-misconduct.commands';
import type { StaffMisconductEvent } from './staff-misconduct.events';
import type { StaffMisconductState } from './staff-misconduct.state';

/** The decider of a staff misconduct stream (`staff-misconduct-<uuid>`). */
export function decideStaffMisconduct(
  command: StaffMisconductCommand,
  state: StaffMisconductState,
  policy: DomainPolicy,
): Decision<StaffMisconductEvent> {
  switch (command.type) {
    case 'ReportStaffMisconduct':
      return decideReport(command, state, policy);
    case 'AssessScope':
    case 'AddEvidence':
    case 'RecordCorrespondence':
    case 'CloseIncident':
    case 'ReopenIncident':
    case 'LinkCriminalReportDecision':
      return decideCase(command, state, STAFF_MISCONDUCT_RULES);
    case 'QualifyConduct':
    case 'RecordInspectorCall':
    case 'RecordManagerConsultation':
    case 'ImposeDisciplinaryMeasure': {
      const refused = guardCase(state, command.context.actor);
      if (refused) return refused;
      if (command.type === 'QualifyConduct') return decideQualifyConduct(command, state, policy);
      if (command.type === 'RecordInspectorCall') return decideInspectorCall(command, state);
      if (command.type === 'RecordManagerConsultation') return decideManagerConsultation(command, state);
      return decideDisciplinaryMeasure(command, state);
    }
    default:
      return assertNever(command);
  }
}

/** rule B3: signs of a sexual offence against a minor pupil put a statutory item in the inspector queue at once. */
function decideReport(command: ReportStaffMisconduct, state: StaffMisconductState, policy: DomainPolicy): Decision<StaffMisconductEvent> {
  const reported = decideCase(command.report, state, STAFF_MISCONDUCT_RULES);
  if (isRuleViolation(reported) || command.report.data.category !== 'sexual-offence-against-pupil') return reported;
  return [
    ...reported,
    {
      type: 'InspectorNotificationQueued',
      data: {
        basis: 'statutory',
        obligation: {
          obligationId: command.statutoryObligationId,
          kind: 'inspector-call-statutory',
          regarding: command.report.data.incidentId,
          dueAt: addWorkingDays(command.report.context.now, policy.inspectorCallWithinWorkingDays, policy.workingDays),
        },
      },
    },
  ];
}

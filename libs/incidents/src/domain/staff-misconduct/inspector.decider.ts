import { addWorkingDays, isAfter } from '../shared/calendar';
import type { DomainPolicy } from '../shared/command-context';
import { type Decision, refuse } from '../shared/rule-violation';
import type { QualifyConduct, RecordInspectorCall } from './staff-misconduct.commands';
import type { InspectorCalled, InspectorNotificationQueued, StaffConductQualified } from './staff-misconduct.events';
import type { StaffMisconductState } from './staff-misconduct.state';

/** rules S8 and B1: the board qualifies; boundary-crossing puts an item in the inspector notification queue. */
export function decideQualifyConduct(
  command: QualifyConduct,
  state: StaffMisconductState,
  policy: DomainPolicy,
): Decision<StaffConductQualified | InspectorNotificationQueued> {
  const { data, context } = command;
  if (context.actor.role !== 'board') {
    return refuse(data.qualification === 'boundary-crossing' ? 'B1' : 'S8', "Only the board qualifies a staff member's conduct", 'forbidden');
  }
  if (!data.rationale.trim()) return refuse('S8', 'A qualification states its rationale');
  if (state.qualifications.includes(data.qualification)) return refuse('S8', `The conduct is already qualified as ${data.qualification}`);
  const qualified: StaffConductQualified = {
    type: 'StaffConductQualified',
    data: {
      ...(data.qualificationId ? { qualificationId: data.qualificationId } : {}),
      qualification: data.qualification,
      rationale: data.rationale,
      qualifiedBy: context.actor.id,
    },
  };
  if (data.qualification !== 'boundary-crossing') return [qualified];
  return [
    qualified,
    {
      type: 'InspectorNotificationQueued',
      data: {
        basis: 'policy',
        obligation: {
          obligationId: data.obligationId,
          kind: 'inspector-call-policy',
          regarding: state.incidentId,
          dueAt: addWorkingDays(context.now, policy.inspectorCallWithinWorkingDays, policy.workingDays),
        },
      },
    },
  ];
}

/** rules B1 and B3: the call to the confidential inspector closes the queue items; a statutory one needs a conclusion. */
export function decideInspectorCall(command: RecordInspectorCall, state: StaffMisconductState): Decision<InspectorCalled> {
  const { data, context } = command;
  if (context.actor.role !== 'board') return refuse('B1', 'Only the board records the call to the inspector', 'forbidden');
  const open = Object.entries(state.inspectorItemsOpen);
  if (open.length === 0) return refuse('B1', 'There is no open inspector notification for this case');
  const statutory = open.some(([, basis]) => basis === 'statutory');
  if (statutory && !data.conclusion) {
    return refuse('B3', 'A statutory consultation records its conclusion: reasonable-suspicion or no-reasonable-suspicion');
  }
  if (!data.inspectorReference.trim() || !data.summary.trim()) return refuse('B1', "The call records the inspector's reference and a summary");
  if (isAfter(data.calledAt, context.now)) return refuse('B4', 'calledAt lies in the future');
  return [
    {
      type: 'InspectorCalled',
      data: {
        calledAt: data.calledAt,
        inspectorReference: data.inspectorReference,
        summary: data.summary,
        conclusion: data.conclusion ?? null,
        calledBy: context.actor.id,
        closesObligationIds: open.map(([obligationId]) => obligationId),
      },
    },
  ];
}

import { decideCase, guardCase } from '../case/case.decider';
import { isAfter } from '../shared/calendar';
import type { DomainPolicy } from '../shared/command-context';
import type { ParentNotificationChannel, ParentsInformed } from '../shared/parents-informed.event';
import { type Decision, assertNever, refuse } from '../shared/rule-violation';
import { decideInspectorateReport } from './inspectorate-report.decider';
import { decideImposeMeasure } from './measure.decider';
import { decideObjection, decideObjectionDecision, decidePlacement, decideRemovalIntention } from './removal.decider';
import { PUPIL_INCIDENT_RULES } from './pupil-incident-kind.rules';
import type { WithdrawMeasure } from '../case/case.commands';
import type { PupilIncidentCommand, RecordHearing, RecordParentsInformedOfMeasure } from './pupil-incident.commands';
import type { HearingHeld, PupilIncidentEvent } from './pupil-incident.events';
import type { PupilIncidentState } from './pupil-incident.state';

/** The decider of a pupil incident stream (`pupil-incident-<uuid>`). */
export function decidePupilIncident(command: PupilIncidentCommand, state: PupilIncidentState, policy: DomainPolicy): Decision<PupilIncidentEvent> {
  switch (command.type) {
    case 'ReportIncident':
    case 'AssessScope':
    case 'AddEvidence':
    case 'RecordCorrespondence':
    case 'CloseIncident':
    case 'ReopenIncident':
    case 'LinkCriminalReportDecision':
    case 'NumberCase':
    case 'ReclassifyIncident':
    case 'AddInvolvedPerson':
    case 'AssignCase':
      return decideCase(command, state, PUPIL_INCIDENT_RULES);
    case 'WithdrawMeasure': {
      const refused = guardCase(state, command.context.actor);
      return refused ?? decidePupilWithdrawal(command, state);
    }
    case 'RecordRemovalIntention':
    case 'RecordPlacement':
    case 'RecordObjection':
    case 'DecideObjection': {
      // rule CLOSE1: where a removed pupil went, and the parents' objection, are facts of a decided removal.
      const refused = guardCase(state, command.context.actor, command.type === 'RecordPlacement' || command.type === 'RecordObjection');
      if (refused) return refused;
      if (command.type === 'RecordRemovalIntention') return decideRemovalIntention(command, state);
      if (command.type === 'RecordPlacement') return decidePlacement(command, state);
      if (command.type === 'RecordObjection') return decideObjection(command, state, policy);
      return decideObjectionDecision(command, state);
    }
    case 'ImposeMeasure':
    case 'RecordHearing':
    case 'RecordParentsInformedOfMeasure':
    case 'RecordInspectorateReport': {
      // rule CLOSE1: recording what was done for an obligation is a fact, accepted on a closed case too.
      const fact = command.type === 'RecordParentsInformedOfMeasure' || command.type === 'RecordInspectorateReport';
      const refused = guardCase(state, command.context.actor, fact);
      if (refused) return refused;
      if (command.type === 'ImposeMeasure') return decideImposeMeasure(command, state, policy);
      if (command.type === 'RecordHearing') return decideHearing(command, state);
      if (command.type === 'RecordInspectorateReport') return decideInspectorateReport(command, state);
      return decideParentsInformed(command, state);
    }
    default:
      return assertNever(command);
  }
}

/** rule P6: hearings before a removal; the kind of person heard decides which hearing it counts as. */
function decideHearing(command: RecordHearing, state: PupilIncidentState): Decision<HearingHeld> {
  const { data, context } = command;
  if (context.actor.role !== 'director' && context.actor.role !== 'board') {
    return refuse('ROLE', 'Hearings are recorded by a director or the board', 'forbidden');
  }
  if (state.knownIds.has(data.hearingId)) return refuse('CASE', `Hearing ${data.hearingId} is already recorded`);
  const kind =
    state.involved.find((p) => p.personId === data.heardPersonId)?.personKind ??
    data.heardPersonKind ??
    (data.heardAs === 'parent' ? 'parent' : data.heardAs === 'class-teacher' ? 'staff' : undefined);
  if (!kind) return refuse('P6', 'The heard person is not involved in this case: heardPersonKind is required');
  // rule P6 (revision 2): a class teacher's or a parent's hearing counts for the pupil it names — someone else's
  // parent does not count for this pupil. The directory (issue #18) will check the relation; the command states it.
  if (data.heardAs === 'staff-member') return refuse('P6', 'In a pupil case the class teacher or a parent is heard (heardAs class-teacher or parent)');
  if (data.heardAs && !data.ofPupilId) return refuse('P6', `A hearing as ${data.heardAs} names the pupil it is about (ofPupilId)`);
  if (data.ofPupilId && !state.involved.some((p) => p.personId === data.ofPupilId && p.personKind === 'pupil'))
    return refuse('P6', 'ofPupilId is a pupil involved in this case');
  if (data.heardAs === 'class-teacher' && kind !== 'staff') return refuse('P6', 'A class teacher is a staff member');
  if (data.heardAs === 'parent' && kind !== 'parent') return refuse('P6', 'A parent heard as parent is a parent');
  if (!data.summary.trim()) return refuse('P6', 'A hearing is recorded with a summary');
  if (isAfter(data.heardAt, context.now)) return refuse('B4', 'heardAt lies in the future');
  return [
    {
      type: 'HearingHeld',
      data: {
        hearingId: data.hearingId,
        heardPersonId: data.heardPersonId,
        heardPersonKind: kind,
        heardAs: data.heardAs ?? null,
        ofPupilId: data.ofPupilId ?? null,
        heardAt: data.heardAt,
        summary: data.summary,
        recordedBy: context.actor.id,
      },
    },
  ];
}

/** rule COR1: a pupil measure withdrawn, with a rationale, by who may impose it (P3: a removal by the board only). */
function decidePupilWithdrawal(command: WithdrawMeasure, state: PupilIncidentState): Decision<PupilIncidentEvent> {
  const { data, context } = command;
  const measure = state.measureIds[data.withdrawnId];
  if (!measure) return refuse('COR1', `No measure ${data.withdrawnId} in this case`, 'not-found');
  const { role } = context.actor;
  if (role !== 'board' && !(role === 'director' && measure !== 'removal')) return refuse('COR1', `A ${role} does not withdraw a ${measure}`, 'forbidden');
  if (state.withdrawnMeasures.includes(data.withdrawnId)) return refuse('COR1', 'The measure is withdrawn already');
  if (!data.rationale.trim()) return refuse('COR1', 'A withdrawal states its rationale');
  return [{ type: 'MeasureWithdrawn', data: { withdrawnId: data.withdrawnId, rationale: data.rationale, withdrawnBy: context.actor.id } }];
}

const WRITTEN: readonly ParentNotificationChannel[] = ['letter', 'e-mail'];

/** rule P2: the "inform parents" obligation of a measure closes only with this event. */
function decideParentsInformed(command: RecordParentsInformedOfMeasure, state: PupilIncidentState): Decision<ParentsInformed> {
  const { data, context } = command;
  if (context.actor.role !== 'director' && context.actor.role !== 'board') {
    return refuse('ROLE', 'Parent notifications are recorded by a director or the board', 'forbidden');
  }
  const obligationId = state.informParentsOpen[data.regarding];
  if (!obligationId) {
    return state.measureIds[data.regarding]
      ? refuse('P2', `The parents were already informed of measure ${data.regarding}`)
      : refuse('P2', `No measure ${data.regarding} in this case`, 'not-found');
  }
  // rule P5 (suspension) and P6 (removal): the parents are told in writing; a phone call or a meeting is recorded as
  // correspondence (F3) and leaves the obligation open.
  const measure = state.measureIds[data.regarding];
  if ((measure === 'suspension' || measure === 'removal') && !WRITTEN.includes(data.channel)) {
    return refuse(
      measure === 'suspension' ? 'P5' : 'P6',
      `The parents are told of a ${measure} in writing (letter or e-mail); record the ${data.channel} as correspondence`,
    );
  }
  // rule P7: a measure against a parent is told to that parent in writing.
  if (state.parentMeasures.includes(data.regarding) && !WRITTEN.includes(data.channel)) {
    return refuse('P7', `A parent is told of a measure in writing (letter or e-mail); record the ${data.channel} as correspondence`);
  }
  if (isAfter(data.informedAt, context.now)) return refuse('B4', 'informedAt lies in the future');
  return [
    {
      type: 'ParentsInformed',
      data: { regarding: data.regarding, closesObligationId: obligationId, channel: data.channel, informedAt: data.informedAt, informedBy: context.actor.id },
    },
  ];
}

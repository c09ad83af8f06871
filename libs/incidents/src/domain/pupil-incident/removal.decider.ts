import { addHours, isAfter } from '../shared/calendar';
import type { DomainPolicy } from '../shared/command-context';
import { type Decision, type RuleViolation, refuse } from '../shared/rule-violation';
import type { DecideObjection, RecordObjection, RecordPlacement, RecordRemovalIntention } from './pupil-incident.commands';
import type { ObjectionDecided, RemovalIntended, RemovalObjected, RemovalPlacementRecorded } from './pupil-incident.events';
import type { PupilIncidentState, Removal } from './pupil-incident.state';

/**
 * Removal from school, prepared and followed up (rule P6, revision 2; WPO art. 40): the board records its intention,
 * hears the pupil's own class teacher and the pupil's own parents, then decides; the decision becomes final when
 * another school admits the pupil or after eight weeks of searching; the parents may object within six weeks, and
 * the board then hears them and decides within four.
 */
const boardOnly = (actor: { readonly role: string }, what: string): RuleViolation | undefined =>
  actor.role === 'board' ? undefined : refuse('P6', `${what} is the board's (P3, P6)`, 'forbidden');

const pupilOfCase = (state: PupilIncidentState, subjectId: string) => state.involved.some((p) => p.personId === subjectId && p.personKind === 'pupil');

/** The removal of this pupil in this case (the latest, when there were several). */
function removalOf(state: PupilIncidentState, subjectId: string): [string, Removal] | undefined {
  return Object.entries(state.removals)
    .filter(([, r]) => r.subjectId === subjectId)
    .at(-1);
}

export function decideRemovalIntention(command: RecordRemovalIntention, state: PupilIncidentState): Decision<RemovalIntended> {
  const { data, context } = command;
  const refused = boardOnly(context.actor, 'The intention to remove a pupil');
  if (refused) return refused;
  if (state.knownIds.has(data.intentionId)) return refuse('P6', `Intention ${data.intentionId} is already recorded`);
  if (!pupilOfCase(state, data.subjectId)) return refuse('P6', 'A removal concerns a pupil involved in this case');
  if (!data.reason.trim()) return refuse('P6', 'The intention states its reason');
  return [{ type: 'RemovalIntended', data: { intentionId: data.intentionId, subjectId: data.subjectId, reason: data.reason, intendedBy: context.actor.id } }];
}

/** The hearings a removal needs: the pupil's own class teacher and own parents, after the intention. */
export function removalUnprepared(state: PupilIncidentState, subjectId: string): RuleViolation | undefined {
  const intention = state.removalIntentions.filter((i) => i.subjectId === subjectId).at(-1);
  if (!intention) return refuse('P6', 'The board first records its intention to remove (removal-intentions), then hears the class teacher and the parents');
  const heard = state.hearingLog.slice(intention.hearingsBefore).filter((h) => h.ofPupilId === subjectId);
  const missing = [
    ...(heard.some((h) => h.heardAs === 'class-teacher') ? [] : ["the pupil's class teacher"]),
    ...(heard.some((h) => h.heardAs === 'parent') ? [] : ["the pupil's parents"]),
  ];
  return missing.length ? refuse('P6', `After the intention, ${missing.join(' and ')} must be heard (hearings with heardAs and ofPupilId)`) : undefined;
}

export function decidePlacement(command: RecordPlacement, state: PupilIncidentState): Decision<RemovalPlacementRecorded> {
  const { data, context } = command;
  const refused = boardOnly(context.actor, 'Recording where a removed pupil went');
  if (refused) return refused;
  const found = removalOf(state, data.subjectId);
  if (!found) return refuse('P6', 'No removal of this pupil in this case', 'not-found');
  const [measureId, removal] = found;
  if (removal.placed) return refuse('P6', 'The removal is final already');
  if (isAfter(data.decidedAt, context.now)) return refuse('B4', 'decidedAt lies in the future');
  if (data.outcome === 'admitted' && !data.admittingSchool?.trim()) return refuse('P6', 'The school that admitted the pupil is named');
  if (data.outcome === 'search-ended' && isAfter(removal.placementDueAt, data.decidedAt)) {
    return refuse('P6', `A search ends without a school only after eight weeks (from ${removal.placementDueAt})`);
  }
  return [
    {
      type: 'RemovalPlacementRecorded',
      data: {
        regarding: measureId,
        subjectId: data.subjectId,
        outcome: data.outcome,
        admittingSchool: data.outcome === 'admitted' ? data.admittingSchool!.trim() : null,
        decidedAt: data.decidedAt,
        recordedBy: context.actor.id,
        closesObligationId: removal.placementObligationId,
      },
    },
  ];
}

export function decideObjection(command: RecordObjection, state: PupilIncidentState, policy: DomainPolicy): Decision<RemovalObjected> {
  const { data, context } = command;
  const refused = boardOnly(context.actor, 'Recording an objection');
  if (refused) return refused;
  if (state.objections[data.objectionId]) return refuse('P6', `Objection ${data.objectionId} is already recorded`);
  const found = removalOf(state, data.subjectId);
  if (!found) return refuse('P6', 'No removal of this pupil in this case to object to', 'not-found');
  const [measureId, removal] = found;
  if (!data.summary.trim()) return refuse('P6', 'An objection is recorded with a summary');
  if (isAfter(data.receivedAt, context.now)) return refuse('B4', 'receivedAt lies in the future');
  // FACT1: a late objection is recorded as it came (and marked late); the parents' window closes with the first one.
  const late = isAfter(data.receivedAt, removal.windowDueAt);
  return [
    {
      type: 'RemovalObjected',
      data: {
        objectionId: data.objectionId,
        regarding: measureId,
        subjectId: data.subjectId,
        receivedAt: data.receivedAt,
        summary: data.summary,
        late,
        recordedBy: context.actor.id,
        obligations: [
          {
            obligationId: data.obligationId,
            kind: 'decide-objection',
            regarding: data.objectionId,
            dueAt: addHours(data.receivedAt, policy.objectionDecisionWeeks * 7 * 24),
          },
        ],
        closesObligationIds: removal.objected || late ? [] : [removal.windowObligationId],
      },
    },
  ];
}

export function decideObjectionDecision(command: DecideObjection, state: PupilIncidentState): Decision<ObjectionDecided> {
  const { data, context } = command;
  const refused = boardOnly(context.actor, 'Deciding on an objection');
  if (refused) return refused;
  const objection = state.objections[data.objectionId];
  if (!objection) return refuse('P6', `No objection ${data.objectionId} in this case`, 'not-found');
  if (objection.decided) return refuse('P6', 'The objection is decided already');
  if (!data.rationale.trim()) return refuse('P6', 'The decision on an objection states its rationale');
  const heard = state.hearingLog.slice(objection.hearingsBefore).some((h) => h.heardAs === 'parent' && h.ofPupilId === objection.subjectId);
  if (!heard) return refuse('P6', 'The board hears the parents on their objection before it decides');
  return [
    {
      type: 'ObjectionDecided',
      data: {
        objectionId: data.objectionId,
        subjectId: objection.subjectId,
        decision: data.decision,
        rationale: data.rationale,
        decidedBy: context.actor.id,
        closesObligationId: objection.obligationId,
      },
    },
  ];
}

import { addHours, addWorkingDays } from '../shared/calendar';
import type { DomainPolicy } from '../shared/command-context';
import { type OpenedObligation, informParentsObligation } from '../shared/obligation';
import { type Decision, refuse } from '../shared/rule-violation';
import type { ImposeMeasure } from './pupil-incident.commands';
import type { MeasureImposed } from './pupil-incident.events';
import type { PupilIncidentState } from './pupil-incident.state';

const MEASURES = ['warning', 'ict-ban', 'behaviour-contract', 'suspension', 'removal'] as const;
const DAY_MS = 86_400_000;

/** Pupil measures, "Sancties en gevolgen": rules P1, P2, P3, P5, P6. */
export function decideImposeMeasure(command: ImposeMeasure, state: PupilIncidentState, policy: DomainPolicy): Decision<MeasureImposed> {
  const { data, context } = command;
  const { actor } = context;
  // rule P3: removal by the board only; the other measures by the director of the pupil's school or the board.
  if (data.measure === 'removal' && actor.role !== 'board') return refuse('P3', 'Only the board removes a pupil from school', 'forbidden');
  if (actor.role !== 'director' && actor.role !== 'board') return refuse('P3', 'Measures are taken by a director or the board', 'forbidden');

  // rule P1: one of the protocol's measures, against a pupil of this case, with the dates the measure needs.
  if (!(MEASURES as readonly string[]).includes(data.measure)) return refuse('P1', `Unknown measure: ${data.measure}`);
  if (state.measureIds[data.measureId]) return refuse('P1', `Measure ${data.measureId} is already recorded`);
  if (!state.involved.some((p) => p.personId === data.subjectId && p.personKind === 'pupil')) {
    return refuse('P1', 'A measure is taken against a pupil involved in this case');
  }
  if (!data.reason.trim()) return refuse('P1', 'A measure states its reason');
  if (data.measure === 'ict-ban' && !data.endsOn) return refuse('P1', 'An ICT ban is temporary: endsOn is required');
  if (data.measure === 'suspension') {
    if (!data.startsOn || !data.endsOn) return refuse('P1', 'A suspension has startsOn and endsOn');
    if (data.endsOn < data.startsOn) return refuse('P1', 'endsOn lies before startsOn');
    // rule P5 (WPO art. 40c): a suspension lasts at most one week.
    if (days(data.startsOn, data.endsOn) > 7) return refuse('P5', 'A suspension lasts at most one week');
  }
  // rule P6: a removal is preceded by hearing the teacher and the parents.
  if (data.measure === 'removal' && !(state.heardKinds.includes('staff') && state.heardKinds.includes('parent'))) {
    return refuse('P6', 'A removal is preceded by hearing the teacher and the parents');
  }

  const { obligationIds: ids } = data;
  // rule P2: the parents are informed of every measure.
  const obligations: OpenedObligation[] = [
    informParentsObligation(ids.informParents, data.measureId, context.now, policy.informParentsWithinHours),
  ];
  if (data.measure === 'suspension' && days(data.startsOn!, data.endsOn!) > 1) {
    // rule P5: a suspension longer than one day is reported in writing, with reasons, to the Inspectorate.
    obligations.push({
      obligationId: ids.inspectorateReport,
      kind: 'report-suspension-to-inspectorate',
      regarding: data.measureId,
      dueAt: addWorkingDays(context.now, policy.inspectorateReportWithinWorkingDays, policy.workingDays),
    });
  }
  if (data.measure === 'removal') {
    // rule P6: final when another school agrees or after eight weeks; reconsideration may be asked within six.
    obligations.push(
      { obligationId: ids.removalPlacement, kind: 'removal-placement', regarding: data.measureId, dueAt: addHours(context.now, policy.removalSearchWeeks * 7 * 24) },
      { obligationId: ids.reconsiderationWindow, kind: 'removal-reconsideration-window', regarding: data.measureId, dueAt: addHours(context.now, policy.reconsiderationWeeks * 7 * 24) },
    );
  }
  return [
    {
      type: 'MeasureImposed',
      data: {
        measureId: data.measureId,
        subjectId: data.subjectId,
        measure: data.measure,
        reason: data.reason,
        startsOn: data.startsOn ?? null,
        endsOn: data.endsOn ?? null,
        imposedBy: actor.id,
        obligations,
      },
    },
  ];
}

/** Calendar days from `first` to `last`, both included: a Monday-to-Friday suspension is 5. */
function days(first: string, last: string): number {
  return Math.round((Date.parse(`${last}T00:00:00Z`) - Date.parse(`${first}T00:00:00Z`)) / DAY_MS) + 1;
}

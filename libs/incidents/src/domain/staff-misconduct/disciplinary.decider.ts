import { isAfter } from '../shared/calendar';
import { type Decision, refuse } from '../shared/rule-violation';
import type { ImposeDisciplinaryMeasure, RecordManagerConsultation } from './staff-misconduct.commands';
import type { DisciplinaryMeasureImposed, ManagerConsulted } from './staff-misconduct.events';
import type { StaffMisconductState } from './staff-misconduct.state';

const MEASURES = ['warning', 'suspension', 'reprimand', 'dismissal', 'summary-dismissal'] as const;

/** rules S9 and S11: disciplinary measures are the board's; a summary dismissal is given with its reason at once. */
export function decideDisciplinaryMeasure(command: ImposeDisciplinaryMeasure, state: StaffMisconductState): Decision<DisciplinaryMeasureImposed> {
  const { data, context } = command;
  if (context.actor.role !== 'board') return refuse('S9', 'Disciplinary measures are decided by the board', 'forbidden');
  if (!(MEASURES as readonly string[]).includes(data.measure)) return refuse('S9', `Unknown disciplinary measure: ${data.measure}`);
  if (state.knownIds.has(data.measureId)) return refuse('S9', `Measure ${data.measureId} is already recorded`);
  if (!state.involved.some((p) => p.personId === data.subjectId && p.personKind === 'staff')) {
    return refuse('S9', 'A disciplinary measure is taken against a staff member involved in this case');
  }
  if (!data.reason.trim()) return refuse(data.measure === 'summary-dismissal' ? 'S11' : 'S9', 'A disciplinary measure states its reason');
  if (data.measure === 'suspension' && !data.startsOn) return refuse('S9', 'A suspension has startsOn');
  if (data.startsOn && data.endsOn && data.endsOn < data.startsOn) return refuse('S9', 'endsOn lies before startsOn');
  if (data.measure === 'summary-dismissal') {
    // rule S11 (Civil Code 7:677): without delay, the reason communicated at the same time.
    if (!data.communicatedAt) return refuse('S11', 'A summary dismissal records when it was communicated, with its reason');
    if (isAfter(data.communicatedAt, context.now)) return refuse('B4', 'communicatedAt lies in the future');
  }
  return [
    {
      type: 'DisciplinaryMeasureImposed',
      data: {
        measureId: data.measureId,
        subjectId: data.subjectId,
        measure: data.measure,
        reason: data.reason,
        startsOn: data.startsOn ?? null,
        endsOn: data.endsOn ?? null,
        communicatedAt: data.communicatedAt ?? null,
        imposedBy: context.actor.id,
      },
    },
  ];
}

/** rule S10: a staff member consulted the manager when communication threatened to get out of hand. */
export function decideManagerConsultation(command: RecordManagerConsultation, state: StaffMisconductState): Decision<ManagerConsulted> {
  const { data, context } = command;
  if (context.actor.role !== 'director' && context.actor.role !== 'board') {
    return refuse('S10', 'Manager consultations are recorded by a director or the board', 'forbidden');
  }
  if (state.knownIds.has(data.consultationId)) return refuse('S10', `Consultation ${data.consultationId} is already recorded`);
  if (!data.summary.trim()) return refuse('S10', 'A consultation is recorded with a summary');
  if (isAfter(data.consultedAt, context.now)) return refuse('B4', 'consultedAt lies in the future');
  return [
    { type: 'ManagerConsulted', data: { consultationId: data.consultationId, consultedAt: data.consultedAt, summary: data.summary, recordedBy: context.actor.id } },
  ];
}

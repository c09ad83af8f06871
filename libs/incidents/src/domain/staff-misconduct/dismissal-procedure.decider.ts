import { isAfter } from '../shared/calendar';
import { type Decision, refuse } from '../shared/rule-violation';
import type { RecordDismissalOutcome, StartDismissalProcedure } from './staff-misconduct.commands';
import type { DismissalProcedureConcluded, DismissalProcedureStarted } from './staff-misconduct.events';
import type { StaffMisconductState } from './staff-misconduct.state';

const ROUTES = ['uwv', 'cantonal-court', 'settlement'] as const;
const OUTCOMES = ['granted', 'refused', 'settled', 'withdrawn'] as const;

/**
 * rule S13: a dismissal is not the board's alone — Dutch law needs the UWV (BW 7:669 with a permit), the cantonal
 * court, or a settlement agreement. The case records that the procedure started, by which route, against the
 * perpetrator; one open procedure per staff member.
 */
export function decideStartDismissalProcedure(command: StartDismissalProcedure, state: StaffMisconductState): Decision<DismissalProcedureStarted> {
  const { data, context } = command;
  if (context.actor.role !== 'board') return refuse('S13', 'The board starts a dismissal procedure', 'forbidden');
  if (!(ROUTES as readonly string[]).includes(data.route)) return refuse('S13', `Unknown route: ${data.route}`);
  const subject = state.involved.find((p) => p.personId === data.subjectId);
  if (!subject || subject.personKind !== 'staff' || subject.role !== 'perpetrator') {
    return refuse('S13', "A dismissal procedure concerns the staff member who is this case's perpetrator");
  }
  if (state.dismissalProcedures[data.procedureId]) return refuse('S13', `Procedure ${data.procedureId} is already recorded`);
  if (Object.values(state.dismissalProcedures).some((p) => p.subjectId === data.subjectId && !p.concluded)) {
    return refuse('S13', 'A dismissal procedure for this staff member is still open: record its outcome first');
  }
  if (isAfter(data.startedAt, context.now)) return refuse('B4', 'startedAt lies in the future');
  return [
    {
      type: 'DismissalProcedureStarted',
      data: { procedureId: data.procedureId, subjectId: data.subjectId, route: data.route, startedAt: data.startedAt, startedBy: context.actor.id },
    },
  ];
}

/** rule S13: the outcome, with its date; without `subjectId`, the case's one open procedure is meant. */
export function decideDismissalOutcome(command: RecordDismissalOutcome, state: StaffMisconductState): Decision<DismissalProcedureConcluded> {
  const { data, context } = command;
  if (context.actor.role !== 'board') return refuse('S13', 'The board records the outcome of a dismissal procedure', 'forbidden');
  if (!(OUTCOMES as readonly string[]).includes(data.outcome)) return refuse('S13', `Unknown outcome: ${data.outcome}`);
  const open = Object.entries(state.dismissalProcedures).filter(([, p]) => !p.concluded && (data.subjectId === undefined || p.subjectId === data.subjectId));
  if (open.length === 0) return refuse('S13', 'No dismissal procedure is open in this case', 'not-found');
  if (open.length > 1) return refuse('S13', 'Several dismissal procedures are open: name the staff member (subjectId)');
  const [procedureId, procedure] = open[0]!;
  if (isAfter(data.decidedAt, context.now)) return refuse('B4', 'decidedAt lies in the future');
  if (isAfter(procedure.startedAt, data.decidedAt)) return refuse('S13', 'decidedAt lies before the procedure started');
  return [
    {
      type: 'DismissalProcedureConcluded',
      data: { procedureId, subjectId: procedure.subjectId, outcome: data.outcome, decidedAt: data.decidedAt, recordedBy: context.actor.id },
    },
  ];
}

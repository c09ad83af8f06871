import { addWorkingDays, isAfter } from '../shared/calendar';
import type { DomainPolicy } from '../shared/command-context';
import { type Decision, type RuleId, type RuleViolation, refuse } from '../shared/rule-violation';
import type { AnnounceDisciplinaryIntention, ImposeDisciplinaryMeasure, RecordManagerConsultation } from './staff-misconduct.commands';
import type { DisciplinaryIntentionAnnounced, DisciplinaryMeasure, DisciplinaryMeasureImposed, ManagerConsulted } from './staff-misconduct.events';
import type { StaffMisconductState } from './staff-misconduct.state';

/** S9 by severity; S13's suspension pending investigation stands apart (it is not disciplinary). */
const SEVERITY: Readonly<Partial<Record<DisciplinaryMeasure, number>>> = { warning: 0, reprimand: 1, suspension: 2, 'summary-dismissal': 3 };
const PENDING_INVESTIGATION = 'suspension-pending-investigation';

/** rule S9: only against the case's perpetrator, a staff member — never a witness or a victim. */
function againstPerpetrator(state: StaffMisconductState, subjectId: string, rule: RuleId): RuleViolation | undefined {
  const subject = state.involved.find((p) => p.personId === subjectId);
  if (!subject || subject.personKind !== 'staff') return refuse(rule, 'A disciplinary measure concerns a staff member involved in this case');
  if (subject.role !== 'perpetrator') return refuse(rule, `A disciplinary measure is taken only against the case's perpetrator, not a ${subject.role}`);
  return undefined;
}

/**
 * rules S9, S11, S12, S13: disciplinary measures are the board's, against the perpetrator; except a warning, after the
 * qualification (S8), the written intention and the hearing (S12); a summary dismissal at once with its reason (S11);
 * a dismissal is a procedure (S13), and a suspension pending investigation is not disciplinary (S13).
 */
export function decideDisciplinaryMeasure(
  command: ImposeDisciplinaryMeasure,
  state: StaffMisconductState,
  policy: DomainPolicy,
): Decision<DisciplinaryMeasureImposed> {
  const { data, context } = command;
  if (context.actor.role !== 'board') return refuse('S9', 'Disciplinary measures are decided by the board', 'forbidden');
  if (data.measure === 'dismissal') {
    return refuse(
      'S13',
      'The board does not dismiss on its own: Dutch law needs the UWV, the cantonal court or a settlement agreement; record the dismissal procedure',
    );
  }
  const severity = SEVERITY[data.measure];
  if (severity === undefined && data.measure !== PENDING_INVESTIGATION) return refuse('S9', `Unknown disciplinary measure: ${data.measure}`);
  if (state.knownIds.has(data.measureId)) return refuse('S9', `Measure ${data.measureId} is already recorded`);
  const notPerpetrator = againstPerpetrator(state, data.subjectId, data.measure === PENDING_INVESTIGATION ? 'S13' : 'S9');
  if (notPerpetrator) return notPerpetrator;
  if (!data.reason.trim()) return refuse(data.measure === 'summary-dismissal' ? 'S11' : 'S9', 'A disciplinary measure states its reason');
  if ((data.measure === 'suspension' || data.measure === PENDING_INVESTIGATION) && !data.startsOn)
    return refuse(data.measure === 'suspension' ? 'S9' : 'S13', 'A suspension has startsOn');
  if (data.startsOn && data.endsOn && data.endsOn < data.startsOn) return refuse('S9', 'endsOn lies before startsOn');
  if (severity !== undefined && severity > 0) {
    const unprepared = preparation(state, data.subjectId, severity);
    if (unprepared) return unprepared;
  }
  if (data.measure === 'summary-dismissal') {
    const late = summaryDismissalTiming(data, context.now, policy);
    if (late) return late;
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
        factsKnownAt: data.factsKnownAt ?? null,
        delayReason: data.delayReason?.trim() ? data.delayReason : null,
        imposedBy: context.actor.id,
      },
    },
  ];
}

/** rule S8, S12: the qualification, then an intention at least this severe, then a hearing of the staff member after it. */
function preparation(state: StaffMisconductState, subjectId: string, severity: number): RuleViolation | undefined {
  if (state.qualifications.length === 0)
    return refuse('S9', "A disciplinary measure other than a warning needs the board's qualification of the conduct (S8) first");
  const intentions = state.intentions.filter((i) => i.subjectId === subjectId && (SEVERITY[i.measure] ?? -1) >= severity);
  if (intentions.length === 0)
    return refuse('S12', 'The board first announces its intention in writing (disciplinary-intentions), then hears the staff member');
  const heardAfter = state.hearings.some((h) => h.heardPersonId === subjectId && intentions.some((i) => !isAfter(i.announcedAt, h.heardAt)));
  if (!heardAfter) return refuse('S12', 'The staff member is heard after the intention was announced (hoor en wederhoor) before the measure');
  return undefined;
}

/** rule S11 (Civil Code 7:677): without delay — the reason at once, and a reason for any time taken beyond the policy's working days. */
function summaryDismissalTiming(data: ImposeDisciplinaryMeasure['data'], now: string, policy: DomainPolicy): RuleViolation | undefined {
  if (!data.communicatedAt) return refuse('S11', 'A summary dismissal records when it was communicated, with its reason');
  if (!data.factsKnownAt) return refuse('S11', 'A summary dismissal records when the board learned the facts (factsKnownAt)');
  if (isAfter(data.communicatedAt, now)) return refuse('B4', 'communicatedAt lies in the future');
  if (isAfter(data.factsKnownAt, data.communicatedAt)) return refuse('S11', 'factsKnownAt lies after the dismissal was communicated');
  const withinDays = addWorkingDays(data.factsKnownAt, policy.summaryDismissalWithinWorkingDays, policy.workingDays);
  if (isAfter(data.communicatedAt, withinDays) && !data.delayReason?.trim()) {
    return refuse(
      'S11',
      `More than ${policy.summaryDismissalWithinWorkingDays} working days lie between learning the facts and the dismissal: give the reason for the time taken (delayReason)`,
    );
  }
  return undefined;
}

/** rule S12: the written announcement of an intended measure (other than a warning), before the hearing. */
export function decideDisciplinaryIntention(command: AnnounceDisciplinaryIntention, state: StaffMisconductState): Decision<DisciplinaryIntentionAnnounced> {
  const { data, context } = command;
  if (context.actor.role !== 'board') return refuse('S12', 'The board announces an intended disciplinary measure', 'forbidden');
  if (data.measure === 'dismissal') return refuse('S13', 'A dismissal is a procedure, not an intended measure: record the dismissal procedure');
  const severity = SEVERITY[data.measure];
  if (severity === undefined || severity === 0)
    return refuse('S12', `An intention is announced for a reprimand, a suspension or a summary dismissal, not ${data.measure}`);
  if (state.knownIds.has(data.intentionId)) return refuse('S12', `Intention ${data.intentionId} is already recorded`);
  const notPerpetrator = againstPerpetrator(state, data.subjectId, 'S9');
  if (notPerpetrator) return notPerpetrator;
  if (isAfter(data.announcedAt, context.now)) return refuse('B4', 'announcedAt lies in the future');
  return [
    {
      type: 'DisciplinaryIntentionAnnounced',
      data: { intentionId: data.intentionId, subjectId: data.subjectId, measure: data.measure, announcedAt: data.announcedAt, announcedBy: context.actor.id },
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
    {
      type: 'ManagerConsulted',
      data: { consultationId: data.consultationId, consultedAt: data.consultedAt, summary: data.summary, recordedBy: context.actor.id },
    },
  ];
}

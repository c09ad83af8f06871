import { addHours, addWorkingDays, isSchoolDayAt } from '../shared/calendar';
import type { DomainPolicy } from '../shared/command-context';
import { type OpenedObligation, informParentsObligation } from '../shared/obligation';
import type { LocalDate } from '../shared/local-date';
import { type Decision, refuse } from '../shared/rule-violation';
import type { ImposeMeasure } from './pupil-incident.commands';
import type { MeasureImposed } from './pupil-incident.events';
import type { PupilIncidentState } from './pupil-incident.state';
import { removalUnprepared } from './removal.decider';
import { chainedSchoolDays, schoolDaysIn } from './suspension-chain';

const MEASURES = ['warning', 'ict-ban', 'behaviour-contract', 'suspension', 'removal'] as const;
/** P5 (WPO art. 40c): at most one week, counted as five school days. */
const MAX_SUSPENSION_SCHOOL_DAYS = 5;

/** Pupil measures, "Sancties en gevolgen": rules P1, P2, P3, P5, P6. */
export function decideImposeMeasure(command: ImposeMeasure, state: PupilIncidentState, policy: DomainPolicy): Decision<MeasureImposed> {
  const { data, context } = command;
  const { actor } = context;
  // P5 counts the school days of the pupil's school (CAL1): its own holidays and the board's are not.
  const isSchoolDay = (date: LocalDate) => isSchoolDayAt(date, policy.workingDays, policy.schoolHolidays, state.schoolId);
  // rule P3: removal by the board only; the other measures by the director of the pupil's school or the board.
  if (data.measure === 'removal' && actor.role !== 'board') return refuse('P3', 'Only the board removes a pupil from school', 'forbidden');
  if (actor.role !== 'director' && actor.role !== 'board') return refuse('P3', 'Measures are taken by a director or the board', 'forbidden');

  if (state.measureIds[data.measureId]) return refuse('P1', `Measure ${data.measureId} is already recorded`);
  // rule P7: measures against a parent of the case — a warning, or a ban from the school grounds until a set day.
  const parent = state.involved.find((p) => p.personId === data.subjectId && p.personKind === 'parent');
  if (parent && parent.role !== 'perpetrator') return refuse('P7', `A measure is taken against a parent who is the case's perpetrator, not a ${parent.role}`);
  if (parent) return decideParentMeasure(command, policy);
  // rule P1: one of the protocol's measures, against a pupil of this case, with the dates the measure needs.
  if (!(MEASURES as readonly string[]).includes(data.measure)) return refuse('P1', `Unknown measure: ${data.measure}`);
  if (!state.involved.some((p) => p.personId === data.subjectId && p.personKind === 'pupil')) {
    return refuse('P1', 'A measure is taken against a pupil or a parent involved in this case');
  }
  if (!data.reason.trim()) return refuse('P1', 'A measure states its reason');
  if (data.measure === 'ict-ban' && !data.endsOn) return refuse('P1', 'An ICT ban is temporary: endsOn is required');
  if (data.measure === 'suspension') {
    if (!data.startsOn || !data.endsOn) return refuse('P1', 'A suspension has startsOn and endsOn');
    if (data.endsOn < data.startsOn) return refuse('P1', 'endsOn lies before startsOn');
    // rule P5 (WPO art. 40c): a suspension lasts at most one week — five school days — also when suspensions of the
    // same pupil follow each other (decisions.md #62).
    const period = { startsOn: data.startsOn, endsOn: data.endsOn };
    // Five school days never span two months, even around a school holiday: refused before any days are counted.
    if (Date.parse(data.endsOn) - Date.parse(data.startsOn) > 62 * 86_400_000) return refuse('P5', 'A suspension lasts at most one week (five school days)');
    const schoolDays = schoolDaysIn(period, isSchoolDay).length;
    if (schoolDays === 0) return refuse('P1', 'A suspension covers at least one school day');
    const earlier = state.suspensions.filter((s) => s.subjectId === data.subjectId);
    const overlapped = earlier.find((s) => s.startsOn <= period.endsOn && period.startsOn <= s.endsOn);
    if (overlapped)
      return refuse('P5', `This pupil is already suspended from ${overlapped.startsOn} to ${overlapped.endsOn}: a suspension does not overlap another`);
    const chained = chainedSchoolDays(period, earlier, isSchoolDay);
    if (chained.length > MAX_SUSPENSION_SCHOOL_DAYS) {
      if (chained.length === schoolDays) return refuse('P5', 'A suspension lasts at most one week (five school days)');
      return refuse(
        'P5',
        `Together with the suspension it follows, this pupil would be suspended for ${chained.length} school days (${chained[0]} to ${chained.at(-1)}); the law allows at most five`,
      );
    }
  }
  // rule P6 (revision 2): the intention, then the pupil's own class teacher and own parents heard.
  if (data.measure === 'removal') {
    const unprepared = removalUnprepared(state, data.subjectId);
    if (unprepared) return unprepared;
  }

  const { obligationIds: ids } = data;
  // rule P2: the parents are informed of every measure.
  const obligations: OpenedObligation[] = [informParentsObligation(ids.informParents, data.measureId, context.now, policy.informParentsWithinHours)];
  if (data.measure === 'suspension' && schoolDaysIn({ startsOn: data.startsOn!, endsOn: data.endsOn! }, isSchoolDay).length > 1) {
    // "longer than one day": counted in school days, like the week itself.
    // rule P5: a suspension longer than one day is reported in writing, with reasons, to the Inspectorate.
    obligations.push({
      obligationId: ids.inspectorateReport,
      kind: 'report-suspension-to-inspectorate',
      regarding: data.measureId,
      dueAt: addWorkingDays(context.now, policy.inspectorateReportWithinWorkingDays, policy.workingDays),
    });
  }
  if (data.measure === 'removal') {
    // rule P6: final when another school agrees or after eight weeks; the parents may object within six (their
    // deadline); the Inspectorate and the school-attendance officer are informed.
    const notice = addWorkingDays(context.now, policy.inspectorateReportWithinWorkingDays, policy.workingDays);
    obligations.push(
      {
        obligationId: ids.removalPlacement,
        kind: 'removal-placement',
        regarding: data.measureId,
        dueAt: addHours(context.now, policy.removalSearchWeeks * 7 * 24),
      },
      {
        obligationId: ids.reconsiderationWindow,
        kind: 'removal-reconsideration-window',
        regarding: data.measureId,
        dueAt: addHours(context.now, policy.reconsiderationWeeks * 7 * 24),
      },
      ...(ids.removalInspectorate
        ? [{ obligationId: ids.removalInspectorate, kind: 'report-removal-to-inspectorate' as const, regarding: data.measureId, dueAt: notice }]
        : []),
      ...(ids.attendanceOfficer
        ? [{ obligationId: ids.attendanceOfficer, kind: 'inform-attendance-officer' as const, regarding: data.measureId, dueAt: notice }]
        : []),
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

const PARENT_MEASURES = ['warning', 'school-access-ban'] as const;

/** rule P7: against a parent, by the director of the school or the board (checked above); told in writing (P2, P7). */
function decideParentMeasure(command: ImposeMeasure, policy: DomainPolicy): Decision<MeasureImposed> {
  const { data, context } = command;
  if (!(PARENT_MEASURES as readonly string[]).includes(data.measure))
    return refuse('P7', `A parent gets a warning or a school-access ban, not a ${data.measure}`);
  if (!data.reason.trim()) return refuse('P7', 'A measure states its reason');
  if (data.measure === 'school-access-ban') {
    if (!data.endsOn) return refuse('P7', 'A school-access ban ends on a set day (endsOn)');
    if (data.endsOn <= context.now.slice(0, 10)) return refuse('P7', 'The ban ends on a day after today');
  }
  return [
    {
      type: 'MeasureImposed',
      data: {
        measureId: data.measureId,
        subjectId: data.subjectId,
        subjectKind: 'parent',
        measure: data.measure,
        reason: data.reason,
        startsOn: data.startsOn ?? null,
        endsOn: data.endsOn ?? null,
        imposedBy: context.actor.id,
        obligations: [informParentsObligation(data.obligationIds.informParents, data.measureId, context.now, policy.informParentsWithinHours)],
      },
    },
  ];
}

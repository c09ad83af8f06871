import { isSchoolDayAt } from '../shared/calendar';
import type { DomainPolicy } from '../shared/command-context';
import type { LocalDate } from '../shared/local-date';
import { type Decision, refuse } from '../shared/rule-violation';
import { chainedSchoolDays } from '../pupil-incident/suspension-chain';
import type { BookSuspension, ReleaseSuspensionBooking } from './pupil-conduct.commands';
import type { SuspensionBooked, SuspensionBookingReleased } from './pupil-conduct.events';
import type { PupilConductState } from './pupil-conduct.state';

/** P5 (WPO art. 40c): at most one week, counted as five school days, also across cases. */
const MAX_SUSPENSION_SCHOOL_DAYS = 5;

/**
 * rule P5 (revision 2) across cases: the pupil's suspensions of every case, booked on the pupil's stream, are
 * counted together — an overlap, or a chain of more than five school days, is refused. Appending here at the
 * stream's revision serialises two suspensions of one pupil decided at once in two cases (decisions #81).
 */
export function decideBookSuspension(command: BookSuspension, state: PupilConductState, policy: DomainPolicy): Decision<SuspensionBooked> {
  const { data, context } = command;
  if (state.bookedMeasureIds[data.measureId]) return [];
  const period = { startsOn: data.startsOn, endsOn: data.endsOn };
  const others = Object.values(state.suspensionBookings);
  const overlapped = others.find((b) => b.startsOn <= period.endsOn && period.startsOn <= b.endsOn);
  if (overlapped) {
    return refuse(
      'P5',
      `This pupil is already suspended from ${overlapped.startsOn} to ${overlapped.endsOn} (case ${overlapped.incidentId}): a suspension does not overlap another`,
    );
  }
  const isSchoolDay = (date: LocalDate) => isSchoolDayAt(date, policy.workingDays, policy.schoolHolidays, data.schoolId);
  const chained = chainedSchoolDays(period, others, isSchoolDay);
  if (chained.length > MAX_SUSPENSION_SCHOOL_DAYS) {
    const cases = [...new Set(others.filter((b) => chained.includes(b.startsOn) || chained.includes(b.endsOn)).map((b) => b.incidentId))];
    return refuse(
      'P5',
      `Together with the suspensions it follows (case ${cases.join(', ')}), this pupil would be suspended for ${chained.length} school days (${chained[0]} to ${chained.at(-1)}); the law allows at most five`,
    );
  }
  return [{ type: 'SuspensionBooked', data: { ...data, bookedAt: context.now } }];
}

/** A booking stops counting once (a second release is no change). */
export function decideReleaseSuspensionBooking(command: ReleaseSuspensionBooking, state: PupilConductState): Decision<SuspensionBookingReleased> {
  if (!state.suspensionBookings[command.data.measureId]) return [];
  return [{ type: 'SuspensionBookingReleased', data: command.data }];
}

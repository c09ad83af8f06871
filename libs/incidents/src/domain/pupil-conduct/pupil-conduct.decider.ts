import { actsForSchool } from '../shared/actor';
import { isAfter } from '../shared/calendar';
import type { DomainPolicy } from '../shared/command-context';
import { type Decision, type RuleViolation, assertNever, refuse } from '../shared/rule-violation';
import { decideFlagOverdueDevice, decideReturnDevice, decideTakeDeviceIntoCustody } from './device-custody.decider';
import { decideSuspendEmailAccount, decideWarnAboutEmailUse } from './email-account.decider';
import type { PupilConductCommand, RecordParentsInformed } from './pupil-conduct.commands';
import type { ParentsInformed, PupilConductEvent } from './pupil-conduct.events';
import type { PupilConductState } from './pupil-conduct.state';
import { decideBookSuspension, decideReleaseSuspensionBooking } from './suspension-booking.decider';

/** The decider of a pupil's conduct stream: device custody (M1–M6), the school e-mail account (E1–E3), P5's suspension bookings. */
export function decidePupilConduct(command: PupilConductCommand, state: PupilConductState, policy: DomainPolicy): Decision<PupilConductEvent> {
  const refused = guardPupilConduct(command, state);
  if (refused) return refused;
  switch (command.type) {
    case 'TakeDeviceIntoCustody':
      return decideTakeDeviceIntoCustody(command, state, policy);
    case 'ReturnDevice':
      return decideReturnDevice(command, state);
    case 'FlagOverdueDevice':
      return decideFlagOverdueDevice(command, state);
    case 'SuspendEmailAccount':
      return decideSuspendEmailAccount(command, state, policy);
    case 'WarnAboutEmailUse':
      return decideWarnAboutEmailUse(command, state, policy);
    case 'RecordParentsInformed':
      return decideParentsInformed(command, state);
    case 'BookSuspension':
      return decideBookSuspension(command, state, policy);
    case 'ReleaseSuspensionBooking':
      return decideReleaseSuspensionBooking(command, state);
    default:
      return assertNever(command);
  }
}

/**
 * Role table: device custody, e-mail account measures and informing parents are the director's of the school
 * concerned, or the board's; taking a device also a teacher's (TC1). The school is the command's own, or that of the custody or action it is about.
 */
function guardPupilConduct(command: PupilConductCommand, state: PupilConductState): RuleViolation | undefined {
  const { actor } = command.context;
  // rule TC1: a teacher may take a device into custody at its own school (it is usually the one who takes it).
  const teacherTakes = actor.role === 'teacher' && command.type === 'TakeDeviceIntoCustody';
  if (actor.role !== 'director' && actor.role !== 'board' && !teacherTakes) {
    return refuse('ROLE', 'Device custody, e-mail account measures and parent notifications are for a director or the board', 'forbidden');
  }
  const schoolId = schoolConcerned(command, state);
  if (schoolId !== undefined && !actsForSchool(actor, schoolId)) return refuse('ROLE', 'This pupil matter belongs to another school', 'forbidden');
  return undefined;
}

function schoolConcerned(command: PupilConductCommand, state: PupilConductState): string | undefined {
  switch (command.type) {
    case 'TakeDeviceIntoCustody':
    case 'SuspendEmailAccount':
    case 'WarnAboutEmailUse':
    case 'BookSuspension':
      return command.data.schoolId;
    case 'ReleaseSuspensionBooking':
      return state.suspensionBookings[command.data.measureId]?.schoolId;
    case 'ReturnDevice':
    case 'FlagOverdueDevice':
      return state.knownActions[command.data.custodyId];
    case 'RecordParentsInformed':
      return state.knownActions[command.data.regarding];
    default:
      return assertNever(command);
  }
}

/** rule M2, E2, E3: only a parent-notification event closes an "inform parents" obligation. */
function decideParentsInformed(command: RecordParentsInformed, state: PupilConductState): Decision<ParentsInformed> {
  const { data, context } = command;
  const obligationId = state.informParentsOpen[data.regarding];
  if (!obligationId) {
    return state.knownActions[data.regarding]
      ? refuse('M2', `No open "inform parents" obligation regarding ${data.regarding}`)
      : refuse('M2', `Nothing ${data.regarding} to inform the parents about`, 'not-found');
  }
  if (isAfter(data.informedAt, context.now)) return refuse('B4', 'informedAt lies in the future');
  return [
    {
      type: 'ParentsInformed',
      data: {
        regarding: data.regarding,
        closesObligationId: obligationId,
        channel: data.channel,
        informedAt: data.informedAt,
        informedBy: context.actor.id,
      },
    },
  ];
}

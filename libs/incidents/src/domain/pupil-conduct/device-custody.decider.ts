import { isAfter, schoolYearOf } from '../shared/calendar';
import type { DomainPolicy } from '../shared/command-context';
import { type OpenedObligation, informParentsObligation } from '../shared/obligation';
import { type Decision, refuse } from '../shared/rule-violation';
import type { FlagOverdueDevice, ReturnDevice, TakeDeviceIntoCustody } from './pupil-conduct.commands';
import type { DeviceReturnOverdue, DeviceReturned, DeviceTakenIntoCustody } from './pupil-conduct.events';
import type { PupilConductState } from './pupil-conduct.state';

/** Mobile phones and other devices: rules M1–M6 of the domain spec. */
export function decideTakeDeviceIntoCustody(command: TakeDeviceIntoCustody, state: PupilConductState, policy: DomainPolicy): Decision<DeviceTakenIntoCustody> {
  const { data, context } = command;
  // rule M4: checked in the pupil's presence, then switched off; a command that cannot state this is refused.
  if (!data.conditionChecked) return refuse('M4', 'The condition found (damage, working) must be recorded when a device is taken');
  if (data.pupilPresent !== true) return refuse('M4', 'A device is checked in the presence of the pupil');
  if (data.switchedOff !== true) return refuse('M4', 'A device is switched off after the check');
  if (state.custodies[data.custodyId]) return refuse('M5', `Custody ${data.custodyId} is already recorded`);
  // rule M1, B4: the moment it was taken is the command's, and cannot lie after the moment it is recorded.
  if (isAfter(data.takenAt, context.now)) return refuse('B4', 'takenAt lies in the future');

  // rule M5: offences per pupil per school year (of the moment taken); the stream's revision makes two at once n and n+1.
  const schoolYear = schoolYearOf(data.takenAt, policy);
  const offenceNumber = (state.offencesBySchoolYear[schoolYear] ?? 0) + 1;

  const custodyUntil = custodyUntilFor(offenceNumber, data, context);
  if (typeof custodyUntil !== 'string') return custodyUntil;

  const obligations: OpenedObligation[] = [
    // rule M6: a device not returned by its due time shows as overdue.
    { obligationId: data.returnObligationId, kind: 'device-return', regarding: data.custodyId, dueAt: custodyUntil },
  ];
  if (offenceNumber >= 2) {
    // rule M2: from the second offence the parents are informed.
    obligations.push(informParentsObligation(data.informParentsObligationId, data.custodyId, context.now, policy.informParentsWithinHours));
  }
  return [
    {
      type: 'DeviceTakenIntoCustody',
      data: {
        custodyId: data.custodyId,
        pupilId: data.pupilId,
        schoolId: data.schoolId,
        incidentId: data.incidentId ?? null,
        device: data.device,
        conditionChecked: data.conditionChecked,
        pupilPresent: true,
        switchedOff: true,
        schoolYear,
        offenceNumber,
        takenAt: data.takenAt,
        custodyUntil,
        obligations,
      },
    },
  ];
}

/** M1: end of the school day; M2: longer (director's choice, else the next school day); M3: set by the director. */
function custodyUntilFor(offence: number, data: TakeDeviceIntoCustody['data'], context: TakeDeviceIntoCustody['context']): string | ReturnType<typeof refuse> {
  if (offence === 1) {
    if (data.custodyUntil !== undefined) {
      return refuse('M1', 'A first offence keeps the device until the end of the school day; custodyUntil cannot be set');
    }
    return data.endOfSchoolDay;
  }
  if (offence === 2) {
    if (data.custodyUntil === undefined) return data.endOfNextSchoolDay;
    if (!isAfter(data.custodyUntil, data.endOfSchoolDay)) {
      return refuse('M2', 'A second offence keeps the device longer than the end of the school day');
    }
    return data.custodyUntil;
  }
  if (data.custodyUntil === undefined) {
    return refuse('M3', `This is offence ${offence} this school year: the director sets custodyUntil`);
  }
  // rule M3, TC1: the longer period is the director's to set; a teacher who took the device leaves it to them.
  if (context.actor.role === 'teacher')
    return refuse('M3', `This is offence ${offence} this school year: the period is set by the director, who records this custody`, 'forbidden');
  if (!isAfter(data.custodyUntil, data.takenAt)) return refuse('M3', 'custodyUntil must lie after the moment the device was taken');
  return data.custodyUntil;
}

export function decideReturnDevice(command: ReturnDevice, state: PupilConductState): Decision<DeviceReturned> {
  const { data, context } = command;
  const custody = state.custodies[data.custodyId];
  if (!custody) return refuse('M6', `No device custody ${data.custodyId} for this pupil`, 'not-found');
  if (custody.returned) return refuse('M6', 'This device was already returned');
  // rule B4: times are kept apart and nothing is backdated or postdated beyond the record.
  if (isAfter(data.returnedAt, context.now)) return refuse('B4', 'returnedAt lies in the future');
  if (isAfter(custody.takenAt, data.returnedAt)) return refuse('M6', 'returnedAt lies before the device was taken');
  return [
    {
      type: 'DeviceReturned',
      data: {
        custodyId: data.custodyId,
        returnedTo: data.returnedTo,
        returnedAt: data.returnedAt,
        closesObligationId: custody.returnObligationId,
      },
    },
  ];
}

/**
 * rule M6: a device not returned by its due time shows as overdue — recorded once, when the time has passed, and
 * never for a device that was returned. Anything else is no event (the system asks again on its next round).
 */
export function decideFlagOverdueDevice(command: FlagOverdueDevice, state: PupilConductState): Decision<DeviceReturnOverdue> {
  const custody = state.custodies[command.data.custodyId];
  if (!custody) return refuse('M6', `No device custody ${command.data.custodyId} for this pupil`, 'not-found');
  if (custody.returned || custody.overdue || !isAfter(command.context.now, custody.custodyUntil)) return [];
  return [
    {
      type: 'DeviceReturnOverdue',
      data: {
        custodyId: custody.custodyId,
        pupilId: custody.pupilId,
        schoolId: custody.schoolId,
        offenceNumber: custody.offenceNumber,
        obligationId: custody.returnObligationId,
        dueAt: custody.custodyUntil,
      },
    },
  ];
}

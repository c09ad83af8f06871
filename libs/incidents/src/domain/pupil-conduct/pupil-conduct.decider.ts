import { isAfter } from '../shared/calendar';
import type { DomainPolicy } from '../shared/command-context';
import { type Decision, assertNever, refuse } from '../shared/rule-violation';
import { decideReturnDevice, decideTakeDeviceIntoCustody } from './device-custody.decider';
import { decideSuspendEmailAccount, decideWarnAboutEmailUse } from './email-account.decider';
import type { PupilConductCommand, RecordParentsInformed } from './pupil-conduct.commands';
import type { ParentsInformed, PupilConductEvent } from './pupil-conduct.events';
import type { PupilConductState } from './pupil-conduct.state';

/** The decider of a pupil's conduct stream: device custody (M1–M6) and the school e-mail account (E1–E3). */
export function decidePupilConduct(
  command: PupilConductCommand,
  state: PupilConductState,
  policy: DomainPolicy,
): Decision<PupilConductEvent> {
  switch (command.type) {
    case 'TakeDeviceIntoCustody':
      return decideTakeDeviceIntoCustody(command, state, policy);
    case 'ReturnDevice':
      return decideReturnDevice(command, state);
    case 'SuspendEmailAccount':
      return decideSuspendEmailAccount(command, state, policy);
    case 'WarnAboutEmailUse':
      return decideWarnAboutEmailUse(command, state, policy);
    case 'RecordParentsInformed':
      return decideParentsInformed(command, state);
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

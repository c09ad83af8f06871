import type { DomainPolicy } from '../shared/command-context';
import { informParentsObligation } from '../shared/obligation';
import { type Decision, refuse } from '../shared/rule-violation';
import type { SuspendEmailAccount, WarnAboutEmailUse } from './pupil-conduct.commands';
import type { EmailAccountSuspended, EmailUseWarned } from './pupil-conduct.events';
import type { PupilConductState } from './pupil-conduct.state';

const GROUNDS = ['unlawful-activity', 'irresponsible-use', 'bullying'] as const;

/**
 * rule E4 (revision 2): a mailbox exists only after the parents agreed; an account the consent register shows no
 * consent for should not exist, so no measure is taken about it (the register is corrected first).
 */
function noMailbox(consented: boolean): ReturnType<typeof refuse> | undefined {
  return consented
    ? undefined
    : refuse('E4', 'The consent register shows no mailbox consent of the parents for this pupil: there should be no account to act on');
}

/** School e-mail accounts: rules E1–E3 of the domain spec. */
export function decideSuspendEmailAccount(command: SuspendEmailAccount, state: PupilConductState, policy: DomainPolicy): Decision<EmailAccountSuspended> {
  const { data, context } = command;
  if (state.knownActions[data.actionId]) return refuse('E1', `Account action ${data.actionId} is already recorded`);
  const unconsented = noMailbox(data.mailboxConsented);
  if (unconsented) return unconsented;
  // rule E1: the ground is one of the protocol's, the term ends on a set day after today, with a reason.
  if (!(GROUNDS as readonly string[]).includes(data.ground)) return refuse('E1', `Unknown ground: ${data.ground}`);
  if (data.until <= context.now.slice(0, 10)) return refuse('E1', 'The suspension ends on a day after today');
  if (!data.reason.trim()) return refuse('E1', 'A suspension states its reason');
  return [
    {
      type: 'EmailAccountSuspended',
      data: {
        actionId: data.actionId,
        pupilId: data.pupilId,
        schoolId: data.schoolId,
        ground: data.ground,
        until: data.until,
        reason: data.reason,
        // rule E2: the user or the parents are informed of the suspension, with the reason.
        obligations: [informParentsObligation(data.informParentsObligationId, data.actionId, context.now, policy.informParentsWithinHours)],
      },
    },
  ];
}

export function decideWarnAboutEmailUse(command: WarnAboutEmailUse, state: PupilConductState, policy: DomainPolicy): Decision<EmailUseWarned> {
  const { data, context } = command;
  if (state.knownActions[data.actionId]) return refuse('E3', `Account action ${data.actionId} is already recorded`);
  const unconsented = noMailbox(data.mailboxConsented);
  if (unconsented) return unconsented;
  if (!data.reason.trim()) return refuse('E3', 'A warning states its reason');
  return [
    {
      type: 'EmailUseWarned',
      data: {
        actionId: data.actionId,
        pupilId: data.pupilId,
        schoolId: data.schoolId,
        reason: data.reason,
        // rule E3: parents are informed as soon as possible, with the reason.
        obligations: [informParentsObligation(data.informParentsObligationId, data.actionId, context.now, policy.informParentsWithinHours)],
      },
    },
  ];
}

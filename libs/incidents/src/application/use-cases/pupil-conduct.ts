import { streamIds } from '@casebook/event-store';
import type { DeviceTakenIntoCustody, EmailSuspensionGround } from '../../domain/pupil-conduct/pupil-conduct.events';
import type { PupilConductCommand, TakeDeviceIntoCustody } from '../../domain/pupil-conduct/pupil-conduct.commands';
import { evolvePupilConsent, initialPupilConsentState } from '../../domain/consent/consent.decider';
import type { PupilConsentEvent } from '../../domain/consent/consent.events';
import { type RuleViolation, isRuleViolation, refuse } from '../../domain/shared/rule-violation';
import { type CommandOutcome, outcomeOf, refused } from '../command-outcome';
import { schoolDayEnds, withSchoolDayEnd } from '../school-calendar';
import { otherSchoolsPupil } from '../pupil-facts';
import { NO_SCHOOL_FACTS } from '../school-facts';
import type { Issued, WriteSideCore } from '../write-side-core';

/** M1–M4: what the caller states of the custody; ids, the pupil and the school day are added here. */
export type DeviceCustody = Omit<
  TakeDeviceIntoCustody['data'],
  'custodyId' | 'informParentsObligationId' | 'returnObligationId' | 'pupilId' | 'takenAt' | 'endOfSchoolDay' | 'endOfNextSchoolDay'
> & {
  /** M1, B4: when it was taken; now when left out. */
  readonly takenAt?: string;
};

/** A custody's answer (api.md): its offence number, until when, and the parents' obligation from the second offence. */
function custodyAnswer(taken: DeviceTakenIntoCustody): { offenceNumber: number; custodyUntil: string; informParentsObligationId?: string } {
  const inform = taken.data.obligations.find((o) => o.kind === 'inform-parents');
  return {
    offenceNumber: taken.data.offenceNumber,
    custodyUntil: taken.data.custodyUntil,
    ...(inform ? { informParentsObligationId: inform.obligationId } : {}),
  };
}

/** What a custody would be (or the rule refusing it), decided and not recorded. */
export type CustodyPreview =
  { readonly offenceNumber: number; readonly custodyUntil: string; readonly informParentsObligationId?: string } | { readonly refused: RuleViolation };

/** Device custody (M1–M6) and the school e-mail account (E1–E3), on the pupil's conduct stream. */
export class PupilConductCommands {
  constructor(private readonly core: WriteSideCore) {}

  /** M1–M5: the offence number of this school year decides how long; from the second, the parents are informed. */
  async takeDeviceIntoCustody(pupilId: string, custody: DeviceCustody, issued: Issued): Promise<CommandOutcome> {
    const foreign = await otherSchoolsPupil(this.core.deps.pupilFacts, pupilId, custody.schoolId);
    if (foreign) return refused(foreign);
    const { streamId, command } = await this.custodyCommand(pupilId, custody, issued);
    // Before the append: the return and parent notifications name only the custody id (decisions.md #21).
    await this.core.locator.remember(command.data.custodyId, streamId);
    const result = await this.core.handlers.pupilConduct.handle(streamId, command, issued.meta);
    return outcomeOf(result, command.data.custodyId, (events) => custodyAnswer(events[0] as DeviceTakenIntoCustody));
  }

  /**
   * What taking the device would decide now (the console shows it before the user confirms: issue #19): the offence
   * number, until when, and whether the parents are to be informed; or the rule that would refuse it (M3 from the
   * third offence without a period). The decider's own dry run on the stream as it stands: nothing is appended.
   */
  async previewDeviceCustody(pupilId: string, custody: DeviceCustody, issued: Issued): Promise<CustodyPreview> {
    const foreign = await otherSchoolsPupil(this.core.deps.pupilFacts, pupilId, custody.schoolId);
    if (foreign) return { refused: foreign };
    const { streamId, command } = await this.custodyCommand(pupilId, custody, issued);
    const decision = this.core.handlers.pupilConduct.dryRun(command, await this.core.deps.store.readStream(streamId));
    if (isRuleViolation(decision)) return { refused: decision };
    return custodyAnswer(decision[0] as DeviceTakenIntoCustody);
  }

  private async custodyCommand(pupilId: string, custody: DeviceCustody, issued: Issued): Promise<{ streamId: string; command: TakeDeviceIntoCustody }> {
    // M1: the moment taken decides the school day (and M5 the school year), not the moment it is recorded.
    const takenAt = custody.takenAt ?? issued.context.now;
    // M1 (revision 2): the school's own end of the day (the directory's, else the settings') and holidays (CAL1).
    const endsAt = await (this.core.deps.schoolFacts ?? NO_SCHOOL_FACTS).schoolDayEndsAt(custody.schoolId);
    const calendar = endsAt ? withSchoolDayEnd(this.core.deps.calendar, custody.schoolId, endsAt) : this.core.deps.calendar;
    const schoolDay = schoolDayEnds(takenAt, calendar, custody.schoolId);
    const command: TakeDeviceIntoCustody = {
      type: 'TakeDeviceIntoCustody',
      context: issued.context,
      data: {
        custodyId: this.core.newId(),
        informParentsObligationId: this.core.newId(),
        returnObligationId: this.core.newId(),
        pupilId,
        ...custody,
        takenAt,
        endOfSchoolDay: schoolDay.current,
        endOfNextSchoolDay: schoolDay.next,
      },
    };
    return { streamId: streamIds.pupilConduct(pupilId), command };
  }

  /** M6: to the pupil or a parent; closes the device-return obligation. */
  async returnDevice(
    custodyId: string,
    data: { readonly returnedTo: 'pupil' | 'parent'; readonly returnedAt: string },
    issued: Issued,
  ): Promise<CommandOutcome> {
    const streamId = await this.core.locator.find(custodyId);
    if (!streamId) return refused(refuse('M6', `No device custody ${custodyId}`, 'not-found'));
    const result = await this.core.handlers.pupilConduct.handle(
      streamId,
      { type: 'ReturnDevice', context: issued.context, data: { custodyId, ...data } },
      issued.meta,
    );
    return outcomeOf(result, custodyId);
  }

  /** E1, E2: for a term; opens "inform parents". */
  suspendEmailAccount(
    pupilId: string,
    data: { readonly schoolId: string; readonly ground: EmailSuspensionGround; readonly until: string; readonly reason: string },
    issued: Issued,
  ): Promise<CommandOutcome> {
    return this.accountAction(pupilId, data.schoolId, issued, (action) => ({
      type: 'SuspendEmailAccount',
      context: issued.context,
      data: { ...action, ...data },
    }));
  }

  /** E3: less serious misuse; opens "inform parents". */
  warnAboutEmailUse(pupilId: string, data: { readonly schoolId: string; readonly reason: string }, issued: Issued): Promise<CommandOutcome> {
    return this.accountAction(pupilId, data.schoolId, issued, (action) => ({
      type: 'WarnAboutEmailUse',
      context: issued.context,
      data: { ...action, ...data },
    }));
  }

  private async accountAction(
    pupilId: string,
    schoolId: string,
    issued: Issued,
    command: (action: {
      readonly pupilId: string;
      readonly actionId: string;
      readonly informParentsObligationId: string;
      readonly mailboxConsented: boolean;
    }) => PupilConductCommand,
  ): Promise<CommandOutcome> {
    const foreign = await otherSchoolsPupil(this.core.deps.pupilFacts, pupilId, schoolId);
    if (foreign) return refused(foreign);
    // E4: the consent register (the pupil's consent stream) says whether a mailbox may exist at all.
    const consents = await this.core.deps.store.readStream(streamIds.pupilConsent(pupilId));
    const register = consents.reduce((state, event) => evolvePupilConsent(state, event as unknown as PupilConsentEvent), initialPupilConsentState);
    const action = {
      pupilId,
      actionId: this.core.newId(),
      informParentsObligationId: this.core.newId(),
      mailboxConsented: register.status.mailbox === 'given',
    };
    const streamId = streamIds.pupilConduct(pupilId);
    // Before the append: a parent notification names only the action id (decisions.md #21).
    await this.core.locator.remember(action.actionId, streamId);
    const result = await this.core.handlers.pupilConduct.handle(streamId, command(action), issued.meta);
    return outcomeOf(result, action.actionId, () => ({ informParentsObligationId: action.informParentsObligationId }));
  }
}

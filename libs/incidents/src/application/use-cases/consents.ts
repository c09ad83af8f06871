import { streamIds } from '@casebook/event-store';
import type { RecordConsent, GrantRecordingPermission } from '../../domain/consent/consent.commands';
import { type CommandOutcome, outcomeOf, refused } from '../command-outcome';
import { NO_PUPIL_FACTS, otherSchoolsPupil } from '../pupil-facts';
import type { Issued, WriteSideCore } from '../write-side-core';

/** The consent registers (E4, R1, R2). */
export class ConsentCommands {
  constructor(private readonly core: WriteSideCore) {}

  /** E4 (mailbox, by the parents), R2 (website publication): a consent, its refusal or its withdrawal. */
  async recordConsent(data: RecordConsent['data'], issued: Issued): Promise<CommandOutcome> {
    // DIR1 (#31): another school's director once replaced this school's consent record by naming their own school.
    const foreign = await otherSchoolsPupil(this.core.deps.pupilFacts, data.pupilId, data.schoolId);
    if (foreign) return refused(foreign);
    // CON1: the pupil's age from the directory (issue #18), else from what the command says.
    const dateOfBirth = (await (this.core.deps.pupilFacts ?? NO_PUPIL_FACTS).dateOfBirth(data.pupilId)) ?? data.dateOfBirth ?? null;
    const result = await this.core.handlers.pupilConsent.handle(
      streamIds.pupilConsent(data.pupilId),
      { type: 'RecordConsent', context: issued.context, data: { ...data, dateOfBirth } },
      issued.meta,
    );
    return outcomeOf(result, data.pupilId);
  }

  /** R1: the director's written permission for a recording. */
  async grantRecordingPermission(data: Omit<GrantRecordingPermission['data'], 'permissionId'>, issued: Issued): Promise<CommandOutcome> {
    const permissionId = this.core.newId();
    const result = await this.core.handlers.schoolConsent.handle(
      streamIds.schoolConsent(data.schoolId),
      { type: 'GrantRecordingPermission', context: issued.context, data: { permissionId, ...data } },
      issued.meta,
    );
    return outcomeOf(result, permissionId, () => ({}), `/schools/${data.schoolId}/recording-permissions`);
  }
}

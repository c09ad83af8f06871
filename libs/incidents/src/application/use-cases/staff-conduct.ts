import type { InspectorConclusion, StaffQualification } from '../../domain/staff-misconduct/staff-misconduct.events';
import type { CommandOutcome } from '../command-outcome';
import type { Issued, WriteSideCore } from '../write-side-core';

/** Staff cases: the board's qualification (S8, B1), the inspector call (B1, B3), consulting the manager (S10). */
export class StaffConductCommands {
  constructor(private readonly core: WriteSideCore) {}

  /** S8; boundary-crossing queues the inspector call (B1), whose item id the answer names. */
  qualify(incidentId: string, data: { readonly qualification: StaffQualification; readonly rationale: string }, issued: Issued): Promise<CommandOutcome> {
    const obligationId = this.core.newId();
    return this.core.onCaseOutcome(
      incidentId,
      issued,
      { 'staff-misconduct': (context) => ({ type: 'QualifyConduct', context, data: { ...data, obligationId } }) },
      'qualifications',
      incidentId,
      (events) => (events.some((e) => (e as { type: string }).type === 'InspectorNotificationQueued') ? { inspectorNotificationId: obligationId } : {}),
    );
  }

  recordInspectorCall(
    incidentId: string,
    data: { readonly calledAt: string; readonly inspectorReference: string; readonly summary: string; readonly conclusion?: InspectorConclusion },
    issued: Issued,
  ): Promise<CommandOutcome> {
    return this.core.onCaseOutcome(incidentId, issued, { 'staff-misconduct': (context) => ({ type: 'RecordInspectorCall', context, data }) }, 'inspector calls', incidentId);
  }

  recordManagerConsultation(incidentId: string, data: { readonly consultedAt: string; readonly summary: string }, issued: Issued): Promise<CommandOutcome> {
    const consultationId = this.core.newId();
    return this.core.onCaseOutcome(
      incidentId,
      issued,
      { 'staff-misconduct': (context) => ({ type: 'RecordManagerConsultation', context, data: { consultationId, ...data } }) },
      'manager consultations',
      consultationId,
      () => ({ incidentId }),
    );
  }
}

import type {
  DisciplinaryMeasure,
  DismissalOutcome,
  DismissalRoute,
  InspectorConclusion,
  StaffQualification,
} from '../../domain/staff-misconduct/staff-misconduct.events';
import { streamIds } from '@casebook/event-store';
import { type CommandOutcome, outcomeOf, refused } from '../command-outcome';
import { staffOutsideSchools } from '../pupil-facts';
import type { Issued, WriteSideCore } from '../write-side-core';

/** Staff cases: the board's qualification (S8, B1), the inspector call (B1, B3), consulting the manager (S10). */
export class StaffConductCommands {
  constructor(private readonly core: WriteSideCore) {}

  /** S8; boundary-crossing queues the inspector call (B1), whose item id the answer names. */
  qualify(incidentId: string, data: { readonly qualification: StaffQualification; readonly rationale: string }, issued: Issued): Promise<CommandOutcome> {
    const obligationId = this.core.newId();
    const qualificationId = this.core.newId();
    return this.core.onCaseOutcome(
      incidentId,
      issued,
      { 'staff-misconduct': (context) => ({ type: 'QualifyConduct', context, data: { ...data, obligationId, qualificationId } }) },
      'qualifications',
      incidentId,
      // COR1 (#32): the qualification's own id, which a withdrawal names.
      (events) => ({
        qualificationId,
        ...(events.some((e) => (e as { type: string }).type === 'InspectorNotificationQueued') ? { inspectorNotificationId: obligationId } : {}),
      }),
    );
  }

  recordInspectorCall(
    incidentId: string,
    data: { readonly calledAt: string; readonly inspectorReference: string; readonly summary: string; readonly conclusion?: InspectorConclusion },
    issued: Issued,
  ): Promise<CommandOutcome> {
    return this.core.onCaseOutcome(
      incidentId,
      issued,
      { 'staff-misconduct': (context) => ({ type: 'RecordInspectorCall', context, data }) },
      'inspector calls',
      incidentId,
    );
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

  /** S12: the written announcement of an intended measure, before the hearing. */
  announceIntention(
    incidentId: string,
    data: { readonly subjectId: string; readonly measure: DisciplinaryMeasure; readonly announcedAt: string },
    issued: Issued,
  ): Promise<CommandOutcome> {
    const intentionId = this.core.newId();
    return this.core.onCaseOutcome(
      incidentId,
      issued,
      { 'staff-misconduct': (context) => ({ type: 'AnnounceDisciplinaryIntention', context, data: { intentionId, ...data } }) },
      'disciplinary intentions',
      intentionId,
      () => ({ incidentId }),
    );
  }

  /** S13: a dismissal procedure starts (UWV, cantonal court, settlement). */
  startDismissalProcedure(
    incidentId: string,
    data: { readonly subjectId: string; readonly route: DismissalRoute; readonly startedAt: string },
    issued: Issued,
  ): Promise<CommandOutcome> {
    const procedureId = this.core.newId();
    return this.core.onCaseOutcome(
      incidentId,
      issued,
      { 'staff-misconduct': (context) => ({ type: 'StartDismissalProcedure', context, data: { procedureId, ...data } }) },
      'dismissal procedures',
      procedureId,
      () => ({ incidentId }),
    );
  }

  /** S13: the procedure's outcome. */
  recordDismissalOutcome(
    incidentId: string,
    data: { readonly outcome: DismissalOutcome; readonly decidedAt: string; readonly subjectId?: string },
    issued: Issued,
  ): Promise<CommandOutcome> {
    return this.core.onCaseOutcome(
      incidentId,
      issued,
      { 'staff-misconduct': (context) => ({ type: 'RecordDismissalOutcome', context, data }) },
      'dismissal procedures',
      incidentId,
      (events) => ({ incidentId, procedureId: (events[0] as { data: { procedureId: string } }).data.procedureId }),
    );
  }

  /** S10 (revision 2): a consultation without a case, on the staff member's own record. */
  async recordOwnManagerConsultation(
    staffId: string,
    data: { readonly consultedAt: string; readonly summary: string; readonly managerId?: string },
    issued: Issued,
  ): Promise<CommandOutcome> {
    // DIR1 (#31): a director records consultations of staff at their own schools (the board's and the person's own: any).
    const { actor } = issued.context;
    if (actor.role === 'director') {
      const foreign = await staffOutsideSchools(this.core.deps.pupilFacts, staffId, actor.schools);
      if (foreign) return refused(foreign);
    }
    const consultationId = this.core.newId();
    const result = await this.core.handlers.staffRecord.handle(
      streamIds.staffRecord(staffId),
      { type: 'RecordOwnManagerConsultation', context: issued.context, data: { staffId, consultationId, ...data } },
      issued.meta,
    );
    return outcomeOf(result, consultationId, () => ({ staffId }));
  }
}

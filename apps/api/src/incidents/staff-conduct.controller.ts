import { Body, Controller, ForbiddenException, Param } from '@nestjs/common';
import { ApiNotFoundResponse } from '@nestjs/swagger';
import { type CommandOutcome, WriteSide } from '@casebook/incidents';
import { Route } from '../auth/route.decorator';
import { CommandEndpoints } from '../commands/command-endpoints.decorator';
import { type IssueCommand, IssuedBy, instant } from '../commands/command-http';
import { UuidPipe } from '../http/uuid.pipe';
import {
  DisciplinaryIntentionDto,
  DismissalOutcomeDto,
  DismissalProcedureDto,
  InspectorCallDto,
  ManagerConsultationDto,
  QualificationDto,
  StaffManagerConsultationDto,
} from './staff-misconduct-commands.dto';
import type { Principal } from '@casebook/access';
import { CurrentPrincipal } from '../auth/bearer-auth.guard';
import { permits } from '../auth/access-policy';
import { PersonIdPipe } from '../http/person-id.pipe';

/** Staff cases: the board's qualification (S8, B1), the inspector call (B1, B3), consulting the manager (S10). */
@CommandEndpoints('incidents')
@ApiNotFoundResponse({ description: 'No incident with this id' })
@Controller()
export class StaffConductController {
  constructor(private readonly writeSide: WriteSide) {}

  @Route('qualifyConduct', {
    summary: 'Qualify the conduct (S8): the board; boundary-crossing queues the inspector call (B1)',
    answer: '{ id, revision, position, inspectorNotificationId? }',
  })
  async qualify(@Param('id', UuidPipe) id: string, @Body() body: QualificationDto, @IssuedBy() issue: IssueCommand): Promise<CommandOutcome> {
    return this.writeSide.staffConduct.qualify(id, { qualification: body.qualification, rationale: body.rationale }, issue());
  }

  @Route('recordInspectorCall', {
    summary: 'Record the call to the national confidential inspector (B1, B3): the board; closes the queue item',
    answer: '{ id, revision, position }',
  })
  async inspectorCall(@Param('id', UuidPipe) id: string, @Body() body: InspectorCallDto, @IssuedBy() issue: IssueCommand): Promise<CommandOutcome> {
    const call = { calledAt: instant(body.calledAt), inspectorReference: body.inspectorReference, summary: body.summary, conclusion: body.conclusion };
    return this.writeSide.staffConduct.recordInspectorCall(id, call, issue());
  }

  @Route('recordManagerConsultation', {
    status: 201,
    summary: 'Record that the staff member consulted the manager (S10): a director or the board',
    answer: '{ id (of the consultation), incidentId, revision, position }',
  })
  async managerConsultation(@Param('id', UuidPipe) id: string, @Body() body: ManagerConsultationDto, @IssuedBy() issue: IssueCommand): Promise<CommandOutcome> {
    return this.writeSide.staffConduct.recordManagerConsultation(id, { consultedAt: instant(body.consultedAt), summary: body.summary }, issue());
  }

  @Route('announceDisciplinaryIntention', {
    status: 201,
    summary: 'Record the written announcement of an intended disciplinary measure (S12): the board, before hearing the staff member',
    answer: '{ id (of the intention), incidentId, revision, position }',
  })
  async intention(@Param('id', UuidPipe) id: string, @Body() body: DisciplinaryIntentionDto, @IssuedBy() issue: IssueCommand): Promise<CommandOutcome> {
    return this.writeSide.staffConduct.announceIntention(
      id,
      { subjectId: body.subjectId, measure: body.measure, announcedAt: instant(body.announcedAt) },
      issue(),
    );
  }

  @Route('startDismissalProcedure', {
    status: 201,
    summary: 'Record that a dismissal procedure started (S13): the board; UWV, cantonal court or settlement',
    answer: '{ id (of the procedure), incidentId, revision, position }',
  })
  async dismissalProcedure(@Param('id', UuidPipe) id: string, @Body() body: DismissalProcedureDto, @IssuedBy() issue: IssueCommand): Promise<CommandOutcome> {
    return this.writeSide.staffConduct.startDismissalProcedure(
      id,
      { subjectId: body.subjectId, route: body.route, startedAt: instant(body.startedAt) },
      issue(),
    );
  }

  @Route('recordDismissalOutcome', {
    summary: 'Record the outcome of the dismissal procedure (S13): the board',
    answer: '{ id (= the incident), incidentId, procedureId, revision, position }',
  })
  async dismissalOutcome(@Param('id', UuidPipe) id: string, @Body() body: DismissalOutcomeDto, @IssuedBy() issue: IssueCommand): Promise<CommandOutcome> {
    return this.writeSide.staffConduct.recordDismissalOutcome(
      id,
      { outcome: body.outcome, decidedAt: instant(body.decidedAt), subjectId: body.subjectId },
      issue(),
    );
  }

  @Route('recordStaffManagerConsultation', {
    status: 201,
    summary: 'Record that a staff member consulted the manager, without a case (S10): the staff member, a director or the board; in the personnel file',
    answer: '{ id (of the consultation), staffId, revision, position }',
  })
  async ownConsultation(
    @Param('staffId', PersonIdPipe) staffId: string,
    @Body() body: StaffManagerConsultationDto,
    @CurrentPrincipal() principal: Principal,
    @IssuedBy() issue: IssueCommand,
  ): Promise<CommandOutcome> {
    // The table's `self`: a teacher or HR officer records only their own consultation.
    if (!permits('recordStaffManagerConsultation', principal, { personId: staffId }))
      throw new ForbiddenException({ detail: 'ROLE: you record only your own consultations', rule: 'ROLE' });
    return this.writeSide.staffConduct.recordOwnManagerConsultation(
      staffId,
      { consultedAt: instant(body.consultedAt), summary: body.summary, managerId: body.managerId },
      issue(),
    );
  }
}

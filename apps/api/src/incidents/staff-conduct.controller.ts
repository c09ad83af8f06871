import { Body, Controller, Param } from '@nestjs/common';
import { ApiNotFoundResponse } from '@nestjs/swagger';
import { type CommandOutcome, WriteSide } from '@casebook/incidents';
import { Route } from '../auth/route.decorator';
import { CommandEndpoints } from '../commands/command-endpoints.decorator';
import { type IssueCommand, IssuedBy, instant } from '../commands/command-http';
import { UuidPipe } from '../http/uuid.pipe';
import { InspectorCallDto, ManagerConsultationDto, QualificationDto } from './staff-misconduct-commands.dto';

/** Staff cases: the board's qualification (S8, B1), the inspector call (B1, B3), consulting the manager (S10). */
@CommandEndpoints('incidents')
@ApiNotFoundResponse({ description: 'No incident with this id' })
@Controller()
export class StaffConductController {
  constructor(private readonly writeSide: WriteSide) {}

  @Route('qualifyConduct', { summary: 'Qualify the conduct (S8): the board; boundary-crossing queues the inspector call (B1)', answer: '{ id, revision, position, inspectorNotificationId? }' })
  async qualify(@Param('id', UuidPipe) id: string, @Body() body: QualificationDto, @IssuedBy() issue: IssueCommand): Promise<CommandOutcome> {
    return this.writeSide.staffConduct.qualify(id, { qualification: body.qualification, rationale: body.rationale }, issue());
  }

  @Route('recordInspectorCall', { summary: 'Record the call to the national confidential inspector (B1, B3): the board; closes the queue item', answer: '{ id, revision, position }' })
  async inspectorCall(@Param('id', UuidPipe) id: string, @Body() body: InspectorCallDto, @IssuedBy() issue: IssueCommand): Promise<CommandOutcome> {
    const call = { calledAt: instant(body.calledAt), inspectorReference: body.inspectorReference, summary: body.summary, conclusion: body.conclusion };
    return this.writeSide.staffConduct.recordInspectorCall(id, call, issue());
  }

  @Route('recordManagerConsultation', { status: 201, summary: 'Record that the staff member consulted the manager (S10): a director or the board', answer: '{ id (of the consultation), incidentId, revision, position }' })
  async managerConsultation(@Param('id', UuidPipe) id: string, @Body() body: ManagerConsultationDto, @IssuedBy() issue: IssueCommand): Promise<CommandOutcome> {
    return this.writeSide.staffConduct.recordManagerConsultation(id, { consultedAt: instant(body.consultedAt), summary: body.summary }, issue());
  }
}

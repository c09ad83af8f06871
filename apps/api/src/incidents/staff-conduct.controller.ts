import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { type CommandOutcome, WriteSide } from '@casebook/incidents';
import { Access } from '../auth/access.decorator';
import { CommandEndpoints } from '../commands/command-endpoints.decorator';
import { type IssueCommand, IssuedBy, instant } from '../commands/command-http';
import { UuidPipe } from '../http/uuid.pipe';
import { InspectorCallDto, ManagerConsultationDto, QualificationDto } from './staff-misconduct-commands.dto';

/** Staff cases: the board's qualification (S8, B1), the inspector call (B1, B3), consulting the manager (S10). */
@CommandEndpoints('incidents')
@ApiNotFoundResponse({ description: 'No incident with this id' })
@Controller('incidents/:id')
export class StaffConductController {
  constructor(private readonly writeSide: WriteSide) {}

  @Access('qualifyConduct')
  @Post('qualifications')
  @HttpCode(200)
  @ApiOperation({ summary: 'Qualify the conduct (S8): the board; boundary-crossing queues the inspector call (B1)' })
  @ApiOkResponse({ description: '{ id, revision, position, inspectorNotificationId? }' })
  async qualify(
    @Param('id', UuidPipe) id: string,
    @Body() body: QualificationDto,
    @IssuedBy() issue: IssueCommand,
  ): Promise<CommandOutcome> {
    return this.writeSide.staffConduct.qualify(id, { qualification: body.qualification, rationale: body.rationale }, issue());
  }

  @Access('recordInspectorCall')
  @Post('inspector-call')
  @HttpCode(200)
  @ApiOperation({ summary: 'Record the call to the national confidential inspector (B1, B3): the board; closes the queue item' })
  @ApiOkResponse({ description: '{ id, revision, position }' })
  async inspectorCall(
    @Param('id', UuidPipe) id: string,
    @Body() body: InspectorCallDto,
    @IssuedBy() issue: IssueCommand,
  ): Promise<CommandOutcome> {
    const call = { calledAt: instant(body.calledAt), inspectorReference: body.inspectorReference, summary: body.summary, conclusion: body.conclusion };
    return this.writeSide.staffConduct.recordInspectorCall(id, call, issue());
  }

  @Access('recordManagerConsultation')
  @Post('manager-consultations')
  @HttpCode(201)
  @ApiOperation({ summary: 'Record that the staff member consulted the manager (S10): a director or the board' })
  @ApiCreatedResponse({ description: '{ id (of the consultation), incidentId, revision, position }' })
  async managerConsultation(
    @Param('id', UuidPipe) id: string,
    @Body() body: ManagerConsultationDto,
    @IssuedBy() issue: IssueCommand,
  ): Promise<CommandOutcome> {
    return this.writeSide.staffConduct.recordManagerConsultation(id, { consultedAt: instant(body.consultedAt), summary: body.summary }, issue());
  }
}

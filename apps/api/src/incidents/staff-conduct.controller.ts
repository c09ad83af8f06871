import { randomUUID } from 'node:crypto';
import { Body, Controller, Headers, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { Principal } from '@casebook/access';
import { CurrentPrincipal } from '../auth/bearer-auth.guard';
import { CommandEndpoints } from '../commands/command-endpoints.decorator';
import { commandMeta, contextFor, instant, respond } from '../commands/command-http';
import { UuidPipe } from '../http/uuid.pipe';
import { IncidentCases } from './incident-cases';
import { InspectorCallDto, ManagerConsultationDto, QualificationDto } from './staff-misconduct-commands.dto';
import { Access } from '../auth/access.decorator';
import { rolesFor } from '../auth/access-policy';

type RequestHeaders = Record<string, string | string[] | undefined>;

/** Staff cases: the board's qualification (S8, B1), the inspector call (B1, B3), consulting the manager (S10). */
@CommandEndpoints('incidents')
@ApiNotFoundResponse({ description: 'No incident with this id' })
@Controller('incidents/:id')
export class StaffConductController {
  constructor(private readonly cases: IncidentCases) {}

  @Access('qualifyConduct')
  @Post('qualifications')
  @HttpCode(200)
  @ApiOperation({ summary: 'Qualify the conduct (S8): the board; boundary-crossing queues the inspector call (B1)' })
  @ApiOkResponse({ description: '{ id, revision, position, inspectorNotificationId? }' })
  async qualify(
    @Param('id', UuidPipe) id: string,
    @Body() body: QualificationDto,
    @CurrentPrincipal() principal: Principal,
    @Headers() headers: RequestHeaders,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Record<string, unknown>> {
    const context = contextFor(principal, rolesFor('qualifyConduct'));
    const obligationId = randomUUID();
    const command = { type: 'QualifyConduct' as const, context, data: { qualification: body.qualification, rationale: body.rationale, obligationId } };
    const result = await this.cases.runStaffOnly(id, command, 'qualifications', commandMeta(headers));
    return respond(reply, result, id, 200, (events) =>
      events.some((e) => (e as { type: string }).type === 'InspectorNotificationQueued') ? { inspectorNotificationId: obligationId } : {},
    );
  }

  @Access('recordInspectorCall')
  @Post('inspector-call')
  @HttpCode(200)
  @ApiOperation({ summary: 'Record the call to the national confidential inspector (B1, B3): the board; closes the queue item' })
  @ApiOkResponse({ description: '{ id, revision, position }' })
  async inspectorCall(
    @Param('id', UuidPipe) id: string,
    @Body() body: InspectorCallDto,
    @CurrentPrincipal() principal: Principal,
    @Headers() headers: RequestHeaders,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Record<string, unknown>> {
    const context = contextFor(principal, rolesFor('recordInspectorCall'));
    const data = { calledAt: instant(body.calledAt), inspectorReference: body.inspectorReference, summary: body.summary, conclusion: body.conclusion };
    const result = await this.cases.runStaffOnly(id, { type: 'RecordInspectorCall', context, data }, 'inspector calls', commandMeta(headers));
    return respond(reply, result, id, 200);
  }

  @Access('recordManagerConsultation')
  @Post('manager-consultations')
  @HttpCode(201)
  @ApiOperation({ summary: 'Record that the staff member consulted the manager (S10): a director or the board' })
  @ApiCreatedResponse({ description: '{ id (of the consultation), incidentId, revision, position }' })
  async managerConsultation(
    @Param('id', UuidPipe) id: string,
    @Body() body: ManagerConsultationDto,
    @CurrentPrincipal() principal: Principal,
    @Headers() headers: RequestHeaders,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Record<string, unknown>> {
    const context = contextFor(principal, rolesFor('recordManagerConsultation'));
    const consultationId = randomUUID();
    const data = { consultationId, consultedAt: instant(body.consultedAt), summary: body.summary };
    const result = await this.cases.runStaffOnly(id, { type: 'RecordManagerConsultation', context, data }, 'manager consultations', commandMeta(headers));
    return respond(reply, result, consultationId, 201, () => ({ incidentId: id }));
  }
}

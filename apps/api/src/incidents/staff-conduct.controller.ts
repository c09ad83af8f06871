import { Body, Controller, Headers, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { Principal } from '@casebook/access';
import { WriteSide } from '@casebook/incidents';
import { Access } from '../auth/access.decorator';
import { CurrentPrincipal } from '../auth/bearer-auth.guard';
import { CommandEndpoints } from '../commands/command-endpoints.decorator';
import { instant, issuedBy, respond } from '../commands/command-http';
import { UuidPipe } from '../http/uuid.pipe';
import { InspectorCallDto, ManagerConsultationDto, QualificationDto } from './staff-misconduct-commands.dto';

type RequestHeaders = Record<string, string | string[] | undefined>;

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
    @CurrentPrincipal() principal: Principal,
    @Headers() headers: RequestHeaders,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Record<string, unknown>> {
    const issued = issuedBy(principal, 'qualifyConduct', headers);
    return respond(reply, await this.writeSide.staffConduct.qualify(id, { qualification: body.qualification, rationale: body.rationale }, issued), 200);
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
    const issued = issuedBy(principal, 'recordInspectorCall', headers);
    const call = { calledAt: instant(body.calledAt), inspectorReference: body.inspectorReference, summary: body.summary, conclusion: body.conclusion };
    return respond(reply, await this.writeSide.staffConduct.recordInspectorCall(id, call, issued), 200);
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
    const issued = issuedBy(principal, 'recordManagerConsultation', headers);
    return respond(reply, await this.writeSide.staffConduct.recordManagerConsultation(id, { consultedAt: instant(body.consultedAt), summary: body.summary }, issued), 201);
  }
}

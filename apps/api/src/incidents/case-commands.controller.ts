import { randomUUID } from 'node:crypto';
import { Body, Controller, Headers, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { Principal } from '@casebook/access';
import { CurrentPrincipal } from '../auth/bearer-auth.guard';
import { CommandEndpoints } from '../commands/command-endpoints.decorator';
import { commandMeta, contextFor, instant, respond } from '../commands/command-http';
import { UuidPipe } from '../http/uuid.pipe';
import { CloseIncidentDto, CorrespondenceDto, EvidenceDto, ReopenIncidentDto, ScopeAssessmentDto } from './case-commands.dto';
import { IncidentCases } from './incident-cases';
import { Access } from '../auth/access.decorator';
import { rolesFor } from '../auth/access-policy';

type RequestHeaders = Record<string, string | string[] | undefined>;

/** Commands every case takes, pupil incident and staff misconduct alike. Fine-grained rules are the deciders'. */
@CommandEndpoints('incidents')
@ApiNotFoundResponse({ description: 'No incident with this id' })
@Controller('incidents/:id')
export class CaseCommandsController {
  constructor(private readonly cases: IncidentCases) {}

  @Access('assessScope')
  @Post('scope-assessment')
  @HttpCode(200)
  @ApiOperation({ summary: 'Assess whether the case falls under the protocol (SC2); out of scope closes it as not-applicable' })
  @ApiOkResponse({ description: '{ id, revision, position }' })
  async assessScope(
    @Param('id', UuidPipe) id: string,
    @Body() body: ScopeAssessmentDto,
    @CurrentPrincipal() principal: Principal,
    @Headers() headers: RequestHeaders,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Record<string, unknown>> {
    const context = contextFor(principal, rolesFor('assessScope'));
    const result = await this.cases.runShared(id, { type: 'AssessScope', context, data: { inScope: body.inScope, rationale: body.rationale } }, commandMeta(headers));
    return respond(reply, result, id, 200);
  }

  @Access('addEvidence')
  @Post('evidence')
  @HttpCode(201)
  @ApiOperation({ summary: 'Add evidence (description and SHA-256): the reporter, a director or the board' })
  @ApiCreatedResponse({ description: '{ id (of the evidence), incidentId, revision, position }' })
  async addEvidence(
    @Param('id', UuidPipe) id: string,
    @Body() body: EvidenceDto,
    @CurrentPrincipal() principal: Principal,
    @Headers() headers: RequestHeaders,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Record<string, unknown>> {
    const context = contextFor(principal, rolesFor('addEvidence'));
    const evidenceId = randomUUID();
    const data = { evidenceId, description: body.description, sha256: body.sha256, mediaType: body.mediaType, capturedAt: instant(body.capturedAt) };
    const result = await this.cases.runShared(id, { type: 'AddEvidence', context, data }, commandMeta(headers));
    return respond(reply, result, evidenceId, 201, () => ({ incidentId: id }));
  }

  @Access('recordCorrespondence')
  @Post('correspondence')
  @HttpCode(201)
  @ApiOperation({ summary: 'Record correspondence (F1–F3): kept in the pupil file or the personnel file' })
  @ApiCreatedResponse({ description: '{ id (of the correspondence), incidentId, revision, position }' })
  async recordCorrespondence(
    @Param('id', UuidPipe) id: string,
    @Body() body: CorrespondenceDto,
    @CurrentPrincipal() principal: Principal,
    @Headers() headers: RequestHeaders,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Record<string, unknown>> {
    const context = contextFor(principal, rolesFor('recordCorrespondence'));
    const correspondenceId = randomUUID();
    const data = {
      correspondenceId,
      direction: body.direction,
      counterpart: body.counterpart,
      channel: body.channel,
      occurredAt: instant(body.occurredAt),
      summary: body.summary,
      documentSha256: body.documentSha256,
    };
    const result = await this.cases.runShared(id, { type: 'RecordCorrespondence', context, data }, commandMeta(headers));
    return respond(reply, result, correspondenceId, 201, () => ({ incidentId: id }));
  }

  @Access('closeIncident')
  @Post('close')
  @HttpCode(200)
  @ApiOperation({ summary: 'Close the case with its outcome; later commands are refused (CLOSED) until it is reopened' })
  @ApiOkResponse({ description: '{ id, revision, position }' })
  async close(
    @Param('id', UuidPipe) id: string,
    @Body() body: CloseIncidentDto,
    @CurrentPrincipal() principal: Principal,
    @Headers() headers: RequestHeaders,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Record<string, unknown>> {
    const context = contextFor(principal, rolesFor('closeIncident'));
    const result = await this.cases.runShared(id, { type: 'CloseIncident', context, data: { outcome: body.outcome } }, commandMeta(headers));
    return respond(reply, result, id, 200);
  }

  @Access('reopenIncident')
  @Post('reopen')
  @HttpCode(200)
  @ApiOperation({ summary: 'Reopen a closed case, with the reason' })
  @ApiOkResponse({ description: '{ id, revision, position }' })
  async reopen(
    @Param('id', UuidPipe) id: string,
    @Body() body: ReopenIncidentDto,
    @CurrentPrincipal() principal: Principal,
    @Headers() headers: RequestHeaders,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Record<string, unknown>> {
    const context = contextFor(principal, rolesFor('reopenIncident'));
    const result = await this.cases.runShared(id, { type: 'ReopenIncident', context, data: { reason: body.reason } }, commandMeta(headers));
    return respond(reply, result, id, 200);
  }
}

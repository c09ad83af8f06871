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
import { CloseIncidentDto, CorrespondenceDto, EvidenceDto, ReopenIncidentDto, ScopeAssessmentDto } from './case-commands.dto';

type RequestHeaders = Record<string, string | string[] | undefined>;

/** Commands every case takes, pupil incident and staff misconduct alike. Fine-grained rules are the deciders'. */
@CommandEndpoints('incidents')
@ApiNotFoundResponse({ description: 'No incident with this id' })
@Controller('incidents/:id')
export class CaseCommandsController {
  constructor(private readonly writeSide: WriteSide) {}

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
    const issued = issuedBy(principal, 'assessScope', headers);
    return respond(reply, await this.writeSide.cases.assessScope(id, { inScope: body.inScope, rationale: body.rationale }, issued), 200);
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
    const issued = issuedBy(principal, 'addEvidence', headers);
    const evidence = { description: body.description, sha256: body.sha256, mediaType: body.mediaType, capturedAt: instant(body.capturedAt) };
    return respond(reply, await this.writeSide.cases.addEvidence(id, evidence, issued), 201);
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
    const issued = issuedBy(principal, 'recordCorrespondence', headers);
    const letter = { direction: body.direction, counterpart: body.counterpart, channel: body.channel, occurredAt: instant(body.occurredAt), summary: body.summary, documentSha256: body.documentSha256 };
    return respond(reply, await this.writeSide.cases.recordCorrespondence(id, letter, issued), 201);
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
    const issued = issuedBy(principal, 'closeIncident', headers);
    return respond(reply, await this.writeSide.cases.close(id, { outcome: body.outcome }, issued), 200);
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
    const issued = issuedBy(principal, 'reopenIncident', headers);
    return respond(reply, await this.writeSide.cases.reopen(id, { reason: body.reason }, issued), 200);
  }
}

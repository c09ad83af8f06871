import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { type CommandOutcome, WriteSide } from '@casebook/incidents';
import { Access } from '../auth/access.decorator';
import { CommandEndpoints } from '../commands/command-endpoints.decorator';
import { type IssueCommand, IssuedBy, instant } from '../commands/command-http';
import { UuidPipe } from '../http/uuid.pipe';
import { CloseIncidentDto, CorrespondenceDto, EvidenceDto, ReopenIncidentDto, ScopeAssessmentDto } from './case-commands.dto';

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
    @IssuedBy() issue: IssueCommand,
  ): Promise<CommandOutcome> {
    return this.writeSide.cases.assessScope(id, { inScope: body.inScope, rationale: body.rationale }, issue());
  }

  @Access('addEvidence')
  @Post('evidence')
  @HttpCode(201)
  @ApiOperation({ summary: 'Add evidence (description and SHA-256): the reporter, a director or the board' })
  @ApiCreatedResponse({ description: '{ id (of the evidence), incidentId, revision, position }' })
  async addEvidence(
    @Param('id', UuidPipe) id: string,
    @Body() body: EvidenceDto,
    @IssuedBy() issue: IssueCommand,
  ): Promise<CommandOutcome> {
    const evidence = { description: body.description, sha256: body.sha256, mediaType: body.mediaType, capturedAt: instant(body.capturedAt) };
    return this.writeSide.cases.addEvidence(id, evidence, issue());
  }

  @Access('recordCorrespondence')
  @Post('correspondence')
  @HttpCode(201)
  @ApiOperation({ summary: 'Record correspondence (F1–F3): kept in the pupil file or the personnel file' })
  @ApiCreatedResponse({ description: '{ id (of the correspondence), incidentId, revision, position }' })
  async recordCorrespondence(
    @Param('id', UuidPipe) id: string,
    @Body() body: CorrespondenceDto,
    @IssuedBy() issue: IssueCommand,
  ): Promise<CommandOutcome> {
    const letter = { direction: body.direction, counterpart: body.counterpart, channel: body.channel, occurredAt: instant(body.occurredAt), summary: body.summary, documentSha256: body.documentSha256 };
    return this.writeSide.cases.recordCorrespondence(id, letter, issue());
  }

  @Access('closeIncident')
  @Post('close')
  @HttpCode(200)
  @ApiOperation({ summary: 'Close the case with its outcome; later commands are refused (CLOSED) until it is reopened' })
  @ApiOkResponse({ description: '{ id, revision, position }' })
  async close(
    @Param('id', UuidPipe) id: string,
    @Body() body: CloseIncidentDto,
    @IssuedBy() issue: IssueCommand,
  ): Promise<CommandOutcome> {
    return this.writeSide.cases.close(id, { outcome: body.outcome }, issue());
  }

  @Access('reopenIncident')
  @Post('reopen')
  @HttpCode(200)
  @ApiOperation({ summary: 'Reopen a closed case, with the reason' })
  @ApiOkResponse({ description: '{ id, revision, position }' })
  async reopen(
    @Param('id', UuidPipe) id: string,
    @Body() body: ReopenIncidentDto,
    @IssuedBy() issue: IssueCommand,
  ): Promise<CommandOutcome> {
    return this.writeSide.cases.reopen(id, { reason: body.reason }, issue());
  }
}

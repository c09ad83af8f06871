import { Body, Controller, Param } from '@nestjs/common';
import { ApiNotFoundResponse } from '@nestjs/swagger';
import { type CommandOutcome, WriteSide } from '@casebook/incidents';
import { Route } from '../auth/route.decorator';
import { CommandEndpoints } from '../commands/command-endpoints.decorator';
import { type IssueCommand, IssuedBy, instant } from '../commands/command-http';
import { UuidPipe } from '../http/uuid.pipe';
import { CloseIncidentDto, CorrespondenceDto, EvidenceDto, ReopenIncidentDto, ScopeAssessmentDto } from './case-commands.dto';

/** Commands every case takes, pupil incident and staff misconduct alike. Fine-grained rules are the deciders'. */
@CommandEndpoints('incidents')
@ApiNotFoundResponse({ description: 'No incident with this id' })
@Controller()
export class CaseCommandsController {
  constructor(private readonly writeSide: WriteSide) {}

  @Route('assessScope', {
    summary: 'Assess whether the case falls under the protocol (SC2); out of scope closes it as not-applicable',
    answer: '{ id, revision, position }',
  })
  async assessScope(@Param('id', UuidPipe) id: string, @Body() body: ScopeAssessmentDto, @IssuedBy() issue: IssueCommand): Promise<CommandOutcome> {
    return this.writeSide.cases.assessScope(id, { inScope: body.inScope, rationale: body.rationale }, issue());
  }

  @Route('addEvidence', {
    status: 201,
    summary: 'Add evidence (description and SHA-256): the reporter, a director or the board',
    answer: '{ id (of the evidence), incidentId, revision, position }',
  })
  async addEvidence(@Param('id', UuidPipe) id: string, @Body() body: EvidenceDto, @IssuedBy() issue: IssueCommand): Promise<CommandOutcome> {
    const evidence = { description: body.description, sha256: body.sha256, mediaType: body.mediaType, capturedAt: instant(body.capturedAt) };
    return this.writeSide.cases.addEvidence(id, evidence, issue());
  }

  @Route('recordCorrespondence', {
    status: 201,
    summary: 'Record correspondence (F1–F3): kept in the pupil file or the personnel file',
    answer: '{ id (of the correspondence), incidentId, revision, position }',
  })
  async recordCorrespondence(@Param('id', UuidPipe) id: string, @Body() body: CorrespondenceDto, @IssuedBy() issue: IssueCommand): Promise<CommandOutcome> {
    const letter = {
      direction: body.direction,
      counterpart: body.counterpart,
      channel: body.channel,
      occurredAt: instant(body.occurredAt),
      summary: body.summary,
      documentSha256: body.documentSha256,
      concerningPupilIds: body.concerningPupilIds,
    };
    return this.writeSide.cases.recordCorrespondence(id, letter, issue());
  }

  @Route('closeIncident', {
    summary: 'Close the case with its outcome (CLOSE1); later decisions are refused (CLOSED) until it is reopened, facts are still recorded',
    answer: '{ id, revision, position }',
    description: 'With open obligations of the school and no waiver for each: 409 naming CLOSE1, with `openObligations: [{ obligationId, kind }]`.',
  })
  async close(@Param('id', UuidPipe) id: string, @Body() body: CloseIncidentDto, @IssuedBy() issue: IssueCommand): Promise<CommandOutcome> {
    const waive = body.waive?.map((w) => ({ obligationId: w.obligationId, rationale: w.rationale }));
    return this.writeSide.cases.close(id, { outcome: body.outcome, ...(waive ? { waive } : {}) }, issue());
  }

  @Route('reopenIncident', { summary: 'Reopen a closed case, with the reason', answer: '{ id, revision, position }' })
  async reopen(@Param('id', UuidPipe) id: string, @Body() body: ReopenIncidentDto, @IssuedBy() issue: IssueCommand): Promise<CommandOutcome> {
    return this.writeSide.cases.reopen(id, { reason: body.reason }, issue());
  }
}

import { Body, Controller, Param } from '@nestjs/common';
import { ApiNotFoundResponse } from '@nestjs/swagger';
import { type CommandOutcome, WriteSide } from '@casebook/incidents';
import { Route } from '../auth/route.decorator';
import { CommandEndpoints } from '../commands/command-endpoints.decorator';
import { type IssueCommand, IssuedBy } from '../commands/command-http';
import { UuidPipe } from '../http/uuid.pipe';
import { AssignmentDto, ReclassificationDto, WithdrawalDto } from './corrections.dto';
import { InvolvedPersonDto } from './report-incident.dto';

/** Corrections (COR1): each a new event; the earlier one stays visible in the timeline. */
@CommandEndpoints('incidents')
@ApiNotFoundResponse({ description: 'No incident with this id (or no such measure)' })
@Controller()
export class CorrectionsController {
  constructor(private readonly writeSide: WriteSide) {}

  @Route('reclassifyIncident', {
    summary: 'Correct the category (COR1): the director (pupil case) or the board; into B3 the statutory item and the criminal-report decision open at once',
    answer: '{ id, revision, position, inspectorItemId?, criminalReportDecisionId? }',
  })
  async reclassify(@Param('id', UuidPipe) id: string, @Body() body: ReclassificationDto, @IssuedBy() issue: IssueCommand): Promise<CommandOutcome> {
    return this.writeSide.cases.reclassify(id, { category: body.category, rationale: body.rationale }, issue());
  }

  @Route('addInvolvedPerson', { summary: 'Add a person to the case (COR1): the director (pupil case) or the board', answer: '{ id, revision, position }' })
  async involved(@Param('id', UuidPipe) id: string, @Body() body: InvolvedPersonDto, @IssuedBy() issue: IssueCommand): Promise<CommandOutcome> {
    const person = { personId: body.personId, personKind: body.personKind, role: body.role, ...(body.displayName ? { displayName: body.displayName } : {}) };
    return this.writeSide.cases.addInvolved(id, person, issue());
  }

  @Route('withdrawMeasure', {
    status: 201,
    summary: 'Withdraw a measure (COR1): the board; a director for the pupil measures it may impose',
    answer: '{ id (the measure), incidentId, revision, position }',
  })
  async withdraw(@Param('id', UuidPipe) id: string, @Body() body: WithdrawalDto, @IssuedBy() issue: IssueCommand): Promise<CommandOutcome> {
    return this.writeSide.cases.withdraw(id, { withdrawnId: body.withdrawnId, rationale: body.rationale }, issue());
  }

  @Route('assignCase', {
    summary: 'Give the case an owner (caseload): the director (pupil case, own school) or the board; never someone involved (CI1)',
    answer: '{ id, revision, position }',
  })
  async assign(@Param('id', UuidPipe) id: string, @Body() body: AssignmentDto, @IssuedBy() issue: IssueCommand): Promise<CommandOutcome> {
    return this.writeSide.cases.assign(id, body.ownerId, issue());
  }
}

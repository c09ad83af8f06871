import { Body, Controller, Param } from '@nestjs/common';
import { ApiNotFoundResponse } from '@nestjs/swagger';
import { type CommandOutcome, WriteSide } from '@casebook/incidents';
import { Route } from '../auth/route.decorator';
import { CommandEndpoints } from '../commands/command-endpoints.decorator';
import { type IssueCommand, IssuedBy, instant } from '../commands/command-http';
import { UuidPipe } from '../http/uuid.pipe';
import {
  HearingDto,
  InspectorateReportDto,
  MeasureDto,
  ObjectionDecisionDto,
  ObjectionDto,
  ParentNotificationDto,
  PlacementDto,
  RemovalIntentionDto,
} from './pupil-incident-commands.dto';

/** Measures against pupils and staff, hearings before a removal, and informing parents ("Sancties en gevolgen"). */
@CommandEndpoints('incidents')
@ApiNotFoundResponse({ description: 'No incident with this id (or nothing `regarding` names)' })
@Controller()
export class MeasuresController {
  constructor(private readonly writeSide: WriteSide) {}

  @Route('takeMeasure', {
    status: 201,
    summary: 'Impose a measure: on a pupil (P1–P3, P5, P6; removal by the board) or a staff member (S9, S11–S13; the board)',
    answer: '{ id (of the measure), incidentId, revision, position, obligations: [{ obligationId, kind, dueAt }] }',
  })
  async impose(@Param('id', UuidPipe) id: string, @Body() body: MeasureDto, @IssuedBy() issue: IssueCommand): Promise<CommandOutcome> {
    const measure = {
      subjectId: body.subjectId,
      measure: body.measure,
      reason: body.reason,
      startsOn: body.startsOn,
      endsOn: body.endsOn,
      communicatedAt: instant(body.communicatedAt),
      factsKnownAt: instant(body.factsKnownAt),
      delayReason: body.delayReason,
    };
    return this.writeSide.measures.impose(id, measure, issue());
  }

  @Route('notifyParents', {
    summary: 'Record that the parents were informed (P2, E2, E3, M2): closes the "inform parents" obligation',
    answer: '{ id (= regarding), incidentId, revision, position }',
    description:
      '`regarding` is a measure of this case, or a device custody or e-mail account action of a pupil. The revision and ' +
      "ETag are those of the stream that holds it: the case for a measure, the pupil's conduct stream otherwise.",
  })
  async parentsInformed(@Param('id', UuidPipe) id: string, @Body() body: ParentNotificationDto, @IssuedBy() issue: IssueCommand): Promise<CommandOutcome> {
    const notification = { regarding: body.regarding, channel: body.channel, informedAt: instant(body.informedAt) };
    return this.writeSide.measures.recordParentsInformed(id, notification, issue());
  }

  @Route('recordHearing', {
    status: 201,
    summary: 'Record a hearing: the teacher and the parents before a removal (P6); the staff member before a disciplinary measure (S12, the board)',
    answer: '{ id (of the hearing), incidentId, revision, position }',
  })
  async hearing(@Param('id', UuidPipe) id: string, @Body() body: HearingDto, @IssuedBy() issue: IssueCommand): Promise<CommandOutcome> {
    const hearing = {
      heardPersonId: body.heardPersonId,
      heardPersonKind: body.heardPersonKind,
      heardAs: body.heardAs,
      ofPupilId: body.ofPupilId,
      heardAt: instant(body.heardAt),
      summary: body.summary,
    };
    return this.writeSide.measures.recordHearing(id, hearing, issue());
  }

  @Route('recordInspectorateReport', {
    summary:
      'Record the written report of a suspension (P5) or a removal (P6) to the Inspectorate of Education, or of a removal to the school-attendance officer (recipient): closes its obligation',
    answer: '{ id (= the incident), incidentId, regarding (the suspension), revision, position }',
  })
  async inspectorateReport(@Param('id', UuidPipe) id: string, @Body() body: InspectorateReportDto, @IssuedBy() issue: IssueCommand): Promise<CommandOutcome> {
    const report = { reportedAt: instant(body.reportedAt), reference: body.reference, regarding: body.regarding, recipient: body.recipient };
    return this.writeSide.measures.recordInspectorateReport(id, report, issue());
  }

  @Route('recordRemovalIntention', {
    status: 201,
    summary: "Record the board's intention to remove a pupil (P6), before hearing the class teacher and the parents",
    answer: '{ id (of the intention), incidentId, revision, position }',
  })
  async removalIntention(@Param('id', UuidPipe) id: string, @Body() body: RemovalIntentionDto, @IssuedBy() issue: IssueCommand): Promise<CommandOutcome> {
    return this.writeSide.measures.recordRemovalIntention(id, { subjectId: body.subjectId, reason: body.reason }, issue());
  }

  @Route('recordPlacement', {
    status: 201,
    summary: 'Record that a removal became final (P6): another school admitted the pupil, or eight weeks of searching ended',
    answer: '{ id (= the incident), incidentId, revision, position }',
  })
  async placement(@Param('id', UuidPipe) id: string, @Body() body: PlacementDto, @IssuedBy() issue: IssueCommand): Promise<CommandOutcome> {
    return this.writeSide.measures.recordPlacement(
      id,
      { subjectId: body.subjectId, outcome: body.outcome, admittingSchool: body.admittingSchool, decidedAt: instant(body.decidedAt) },
      issue(),
    );
  }

  @Route('recordObjection', {
    status: 201,
    summary: "Record the parents' objection to a removal (P6): opens the board's duty to hear them and decide within four weeks",
    answer: '{ id (of the objection), incidentId, obligationId, revision, position }',
  })
  async objection(@Param('id', UuidPipe) id: string, @Body() body: ObjectionDto, @IssuedBy() issue: IssueCommand): Promise<CommandOutcome> {
    return this.writeSide.measures.recordObjection(id, { subjectId: body.subjectId, receivedAt: instant(body.receivedAt), summary: body.summary }, issue());
  }

  @Route('decideObjection', {
    summary: "Decide on the parents' objection (P6), after hearing them",
    answer: '{ id (of the objection), incidentId, revision, position }',
  })
  async objectionDecision(
    @Param('id', UuidPipe) id: string,
    @Param('objectionId', UuidPipe) objectionId: string,
    @Body() body: ObjectionDecisionDto,
    @IssuedBy() issue: IssueCommand,
  ): Promise<CommandOutcome> {
    return this.writeSide.measures.decideObjection(id, objectionId, { decision: body.decision, rationale: body.rationale }, issue());
  }
}

import { Body, Controller, Param } from '@nestjs/common';
import { ApiNotFoundResponse } from '@nestjs/swagger';
import { type CommandOutcome, WriteSide } from '@casebook/incidents';
import { Route } from '../auth/route.decorator';
import { CommandEndpoints } from '../commands/command-endpoints.decorator';
import { type IssueCommand, IssuedBy, instant } from '../commands/command-http';
import { UuidPipe } from '../http/uuid.pipe';
import { HearingDto, InspectorateReportDto, MeasureDto, ParentNotificationDto } from './pupil-incident-commands.dto';

/** Measures against pupils and staff, hearings before a removal, and informing parents ("Sancties en gevolgen"). */
@CommandEndpoints('incidents')
@ApiNotFoundResponse({ description: 'No incident with this id (or nothing `regarding` names)' })
@Controller()
export class MeasuresController {
  constructor(private readonly writeSide: WriteSide) {}

  @Route('takeMeasure', { status: 201, summary: 'Impose a measure: on a pupil (P1–P3, P5, P6; removal by the board) or a staff member (S9, S11–S13; the board)', answer: '{ id (of the measure), incidentId, revision, position, obligations: [{ obligationId, kind, dueAt }] }' })
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
      'ETag are those of the stream that holds it: the case for a measure, the pupil\'s conduct stream otherwise.',
  })
  async parentsInformed(@Param('id', UuidPipe) id: string, @Body() body: ParentNotificationDto, @IssuedBy() issue: IssueCommand): Promise<CommandOutcome> {
    const notification = { regarding: body.regarding, channel: body.channel, informedAt: instant(body.informedAt) };
    return this.writeSide.measures.recordParentsInformed(id, notification, issue());
  }

  @Route('recordHearing', { status: 201, summary: 'Record a hearing: the teacher and the parents before a removal (P6); the staff member before a disciplinary measure (S12, the board)', answer: '{ id (of the hearing), incidentId, revision, position }' })
  async hearing(@Param('id', UuidPipe) id: string, @Body() body: HearingDto, @IssuedBy() issue: IssueCommand): Promise<CommandOutcome> {
    const hearing = { heardPersonId: body.heardPersonId, heardPersonKind: body.heardPersonKind, heardAs: body.heardAs, heardAt: instant(body.heardAt), summary: body.summary };
    return this.writeSide.measures.recordHearing(id, hearing, issue());
  }

  @Route('recordInspectorateReport', { summary: 'Record the written report of a suspension to the Inspectorate of Education (P5): closes its obligation', answer: '{ id (= the incident), incidentId, regarding (the suspension), revision, position }' })
  async inspectorateReport(@Param('id', UuidPipe) id: string, @Body() body: InspectorateReportDto, @IssuedBy() issue: IssueCommand): Promise<CommandOutcome> {
    const report = { reportedAt: instant(body.reportedAt), reference: body.reference, regarding: body.regarding };
    return this.writeSide.measures.recordInspectorateReport(id, report, issue());
  }
}

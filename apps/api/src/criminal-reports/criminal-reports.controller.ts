import { Body, Controller, Param } from '@nestjs/common';
import { ApiNotFoundResponse } from '@nestjs/swagger';
import { type CommandOutcome, WriteSide } from '@casebook/incidents';
import { Route } from '../auth/route.decorator';
import { CommandEndpoints } from '../commands/command-endpoints.decorator';
import { type IssueCommand, IssuedBy, instant } from '../commands/command-http';
import { UuidPipe } from '../http/uuid.pipe';
import { CriminalReportDecisionDto, OpenCriminalReportDecisionDto, PoliceReportDto, StatutoryNoticeDto } from './criminal-report.dto';

/** Criminal-report decisions (`criminal-report-<uuid>`): P4 opens one, B2/B3 decide it, the police report closes it. */
@CommandEndpoints('criminal-report-decisions')
@Controller()
export class CriminalReportsController {
  constructor(private readonly writeSide: WriteSide) {}

  @Route('openCriminalReportDecision', {
    status: 201,
    summary: 'Open a criminal-report decision from an incident (P4): a director of its school or the board',
    answer: '{ id, sourceIncidentId, revision, position }; Location: /criminal-report-decisions/{id}',
  })
  @ApiNotFoundResponse({ description: 'No incident sourceIncidentId' })
  async open(@Body() body: OpenCriminalReportDecisionDto, @IssuedBy() issue: IssueCommand): Promise<CommandOutcome> {
    return this.writeSide.criminalReports.open({ sourceIncidentId: body.sourceIncidentId, suspectedOffence: body.suspectedOffence }, issue());
  }

  @Route('decideCriminalReport', {
    summary: 'Decide whether to report to the police (B2, B3): the board; do-not-report needs a rationale',
    answer: '{ id, revision, position, policeReportObligationId? }',
  })
  @ApiNotFoundResponse({ description: 'No such decision' })
  async decide(@Param('id', UuidPipe) id: string, @Body() body: CriminalReportDecisionDto, @IssuedBy() issue: IssueCommand): Promise<CommandOutcome> {
    return this.writeSide.criminalReports.decide(id, { decision: body.decision, rationale: body.rationale }, issue());
  }

  @Route('recordPoliceReport', {
    summary: 'Record the police report (B2): date, station and reference; closes the obligation',
    answer: '{ id, revision, position }',
  })
  @ApiNotFoundResponse({ description: 'No such decision' })
  async policeReport(@Param('id', UuidPipe) id: string, @Body() body: PoliceReportDto, @IssuedBy() issue: IssueCommand): Promise<CommandOutcome> {
    const report = { filedAt: instant(body.filedAt), policeStation: body.policeStation, policeReference: body.policeReference };
    return this.writeSide.criminalReports.recordPoliceReport(id, report, issue());
  }

  @Route('recordStatutoryNotice', {
    summary: "Record that the pupil's parents or the accused were informed before the police report (B3): the board; closes that notice",
    answer: '{ id, revision, position }',
  })
  @ApiNotFoundResponse({ description: 'No such decision' })
  async notice(@Param('id', UuidPipe) id: string, @Body() body: StatutoryNoticeDto, @IssuedBy() issue: IssueCommand): Promise<CommandOutcome> {
    return this.writeSide.criminalReports.recordStatutoryNotice(id, { to: body.to, channel: body.channel, informedAt: instant(body.informedAt) }, issue());
  }
}

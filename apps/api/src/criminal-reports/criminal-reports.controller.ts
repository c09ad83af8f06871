import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { type CommandOutcome, WriteSide } from '@casebook/incidents';
import { Access } from '../auth/access.decorator';
import { CommandEndpoints } from '../commands/command-endpoints.decorator';
import { type IssueCommand, IssuedBy, instant } from '../commands/command-http';
import { UuidPipe } from '../http/uuid.pipe';
import { CriminalReportDecisionDto, OpenCriminalReportDecisionDto, PoliceReportDto } from './criminal-report.dto';

/** Criminal-report decisions (`criminal-report-<uuid>`): P4 opens one, B2/B3 decide it, the police report closes it. */
@CommandEndpoints('criminal-report-decisions')
@Controller('criminal-report-decisions')
export class CriminalReportsController {
  constructor(private readonly writeSide: WriteSide) {}

  @Access('openCriminalReportDecision')
  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: 'Open a criminal-report decision from an incident (P4): a director of its school or the board' })
  @ApiCreatedResponse({ description: '{ id, sourceIncidentId, revision, position }; Location: /criminal-report-decisions/{id}' })
  @ApiNotFoundResponse({ description: 'No incident sourceIncidentId' })
  async open(
    @Body() body: OpenCriminalReportDecisionDto,
    @IssuedBy() issue: IssueCommand,
  ): Promise<CommandOutcome> {
    return this.writeSide.criminalReports.open({ sourceIncidentId: body.sourceIncidentId, suspectedOffence: body.suspectedOffence }, issue());
  }

  @Access('decideCriminalReport')
  @Post(':id/decision')
  @HttpCode(200)
  @ApiOperation({ summary: 'Decide whether to report to the police (B2, B3): the board; do-not-report needs a rationale' })
  @ApiOkResponse({ description: '{ id, revision, position, policeReportObligationId? }' })
  @ApiNotFoundResponse({ description: 'No such decision' })
  async decide(
    @Param('id', UuidPipe) id: string,
    @Body() body: CriminalReportDecisionDto,
    @IssuedBy() issue: IssueCommand,
  ): Promise<CommandOutcome> {
    return this.writeSide.criminalReports.decide(id, { decision: body.decision, rationale: body.rationale }, issue());
  }

  @Access('recordPoliceReport')
  @Post(':id/police-report')
  @HttpCode(200)
  @ApiOperation({ summary: 'Record the police report (B2): date, station and reference; closes the obligation' })
  @ApiOkResponse({ description: '{ id, revision, position }' })
  @ApiNotFoundResponse({ description: 'No such decision' })
  async policeReport(
    @Param('id', UuidPipe) id: string,
    @Body() body: PoliceReportDto,
    @IssuedBy() issue: IssueCommand,
  ): Promise<CommandOutcome> {
    const report = { filedAt: instant(body.filedAt), policeStation: body.policeStation, policeReference: body.policeReference };
    return this.writeSide.criminalReports.recordPoliceReport(id, report, issue());
  }
}

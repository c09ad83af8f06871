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
import { CriminalReportDecisionDto, OpenCriminalReportDecisionDto, PoliceReportDto } from './criminal-report.dto';

type RequestHeaders = Record<string, string | string[] | undefined>;

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
    @CurrentPrincipal() principal: Principal,
    @Headers() headers: RequestHeaders,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Record<string, unknown>> {
    const issued = issuedBy(principal, 'openCriminalReportDecision', headers);
    return respond(reply, await this.writeSide.criminalReports.open({ sourceIncidentId: body.sourceIncidentId, suspectedOffence: body.suspectedOffence }, issued), 201);
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
    @CurrentPrincipal() principal: Principal,
    @Headers() headers: RequestHeaders,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Record<string, unknown>> {
    const issued = issuedBy(principal, 'decideCriminalReport', headers);
    return respond(reply, await this.writeSide.criminalReports.decide(id, { decision: body.decision, rationale: body.rationale }, issued), 200);
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
    @CurrentPrincipal() principal: Principal,
    @Headers() headers: RequestHeaders,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Record<string, unknown>> {
    const issued = issuedBy(principal, 'recordPoliceReport', headers);
    const report = { filedAt: instant(body.filedAt), policeStation: body.policeStation, policeReference: body.policeReference };
    return respond(reply, await this.writeSide.criminalReports.recordPoliceReport(id, report, issued), 200);
  }
}

import { randomUUID } from 'node:crypto';
import { Body, Controller, Headers, HttpCode, Inject, NotFoundException, Param, Post, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { Principal } from '@casebook/access';
import { type CriminalReportEvent, DEFAULT_POLICY, criminalReportHandler, criminalReportStream, evolveCriminalReport, initialCriminalReportState } from '@casebook/incidents';
import type { Logger } from '@casebook/platform';
import { RUNTIME, type Runtime } from '@casebook/runtime';
import { CurrentPrincipal } from '../auth/bearer-auth.guard';
import { CommandEndpoints } from '../commands/command-endpoints.decorator';
import { commandMeta, contextFor, instant, respond } from '../commands/command-http';
import { UuidPipe } from '../http/uuid.pipe';
import { IncidentCases } from '../incidents/incident-cases';
import { CriminalReportDecisionDto, OpenCriminalReportDecisionDto, PoliceReportDto } from './criminal-report.dto';
import { Access } from '../auth/access.decorator';
import { rolesFor } from '../auth/access-policy';

type RequestHeaders = Record<string, string | string[] | undefined>;

/** Criminal-report decisions (`criminal-report-<uuid>`): P4 opens one, B2/B3 decide it, the police report closes it. */
@CommandEndpoints('criminal-report-decisions')
@Controller('criminal-report-decisions')
export class CriminalReportsController {
  private readonly logger: Logger;

  constructor(
    private readonly cases: IncidentCases,
    @Inject(RUNTIME) private readonly runtime: Runtime,
  ) {
    this.logger = runtime.logger;
  }

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
    const context = contextFor(principal, rolesFor('openCriminalReportDecision'));
    const meta = commandMeta(headers);
    const sourceIncidentId = body.sourceIncidentId.toLowerCase();
    const source = await this.cases.sourceCase(sourceIncidentId);
    const decisionId = randomUUID();
    const result = await this.handler().handle(
      criminalReportStream(decisionId),
      { type: 'OpenCriminalReportDecision', context, data: { decisionId, source, suspectedOffence: body.suspectedOffence } },
      meta,
    );
    if (result.outcome === 'accepted') {
      void reply.header('location', `/criminal-report-decisions/${decisionId}`);
      await this.linkFromSource(sourceIncidentId, decisionId, context, meta.correlationId);
    }
    return respond(reply, result, decisionId, 201, () => ({ sourceIncidentId }));
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
    const context = contextFor(principal, rolesFor('decideCriminalReport'));
    const meta = commandMeta(headers);
    const events = await this.runtime.eventStore.readStream(criminalReportStream(id));
    const state = events.reduce((s, e) => evolveCriminalReport(s, e as unknown as CriminalReportEvent), initialCriminalReportState);
    if (!state.opened) throw new NotFoundException({ detail: `No criminal-report decision ${id}`, rule: 'CASE' });
    // B3 depends on the inspector's conclusion as recorded in the source case now.
    const source = await this.cases.sourceCase(state.sourceIncidentId);
    const policeReportObligationId = randomUUID();
    const result = await this.handler().handle(
      criminalReportStream(id),
      { type: 'DecideCriminalReport', context, data: { decision: body.decision, rationale: body.rationale, policeReportObligationId, source } },
      meta,
    );
    return respond(reply, result, id, 200, () => (body.decision === 'report' ? { policeReportObligationId } : {}));
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
    const context = contextFor(principal, rolesFor('recordPoliceReport'));
    const data = { filedAt: instant(body.filedAt), policeStation: body.policeStation, policeReference: body.policeReference };
    const result = await this.handler().handle(criminalReportStream(id), { type: 'RecordPoliceReport', context, data }, commandMeta(headers));
    return respond(reply, result, id, 200);
  }

  private handler() {
    return criminalReportHandler(this.runtime.eventStore, DEFAULT_POLICY);
  }

  /**
   * P4 "linked both ways": the decision names its source; the source case records the link. The decision is the
   * truth; if this second append fails the link is logged as missing and read models still find it by the source id.
   */
  private async linkFromSource(incidentId: string, decisionId: string, context: ReturnType<typeof contextFor>, correlationId: string): Promise<void> {
    try {
      const linked = await this.cases.runShared(incidentId, { type: 'LinkCriminalReportDecision', context, data: { decisionId } }, { correlationId, causationId: decisionId });
      if (linked.outcome !== 'accepted') this.logger.warn({ incidentId, decisionId, outcome: linked.outcome }, 'criminal-report decision not linked from its case');
    } catch (error) {
      this.logger.error({ incidentId, decisionId, err: error }, 'criminal-report decision not linked from its case');
    }
  }
}

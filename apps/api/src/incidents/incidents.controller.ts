import { randomUUID } from 'node:crypto';
import { Body, Controller, Headers, HttpCode, Inject, Post, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOperation } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { Principal } from '@casebook/access';
import { type CommandResult, DEFAULT_POLICY, type ReportIncident, incidentStream, pupilIncidentHandler, staffMisconductHandler } from '@casebook/incidents';
import { RUNTIME, type Runtime } from '@casebook/runtime';
import { CurrentPrincipal } from '../auth/bearer-auth.guard';
import { CommandEndpoints } from '../commands/command-endpoints.decorator';
import { actorFor, commandMeta, respond } from '../commands/command-http';
import { ReportIncidentDto } from './report-incident.dto';
import { Access } from '../auth/access.decorator';
import { rolesFor } from '../auth/access-policy';

@CommandEndpoints('incidents')
@Controller('incidents')
export class IncidentsController {
  constructor(@Inject(RUNTIME) private readonly runtime: Runtime) {}

  @Access('reportIncident')
  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: 'Report a pupil incident or staff misconduct (SC1): a teacher, director or the board' })
  @ApiCreatedResponse({ description: '{ id, revision, position }; Location: /incidents/{id}' })
  async report(
    @Body() body: ReportIncidentDto,
    @CurrentPrincipal() principal: Principal,
    @Headers() headers: Record<string, string | string[] | undefined>,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Record<string, unknown>> {
    const actor = actorFor(principal, rolesFor('reportIncident'), body.schoolId);
    const incidentId = randomUUID();
    const context = { actor, now: new Date().toISOString() };
    const report: ReportIncident = {
      type: 'ReportIncident',
      context,
      data: {
        incidentId,
        schoolId: body.schoolId,
        category: body.category,
        occurredAt: new Date(body.occurredAt).toISOString(),
        summary: body.summary,
        involved: body.involved.map((p) => ({ personId: p.personId, personKind: p.personKind, role: p.role, ...(p.displayName ? { displayName: p.displayName } : {}) })),
      },
    };
    const stream = incidentStream(body.type, incidentId);
    const meta = commandMeta(headers);
    const result: CommandResult<unknown> =
      body.type === 'pupil-incident'
        ? await pupilIncidentHandler(this.runtime.eventStore, DEFAULT_POLICY).handle(stream, report, meta)
        : await staffMisconductHandler(this.runtime.eventStore, DEFAULT_POLICY).handle(
            stream,
            { type: 'ReportStaffMisconduct', context, report, statutoryObligationId: randomUUID() },
            meta,
          );
    if (result.outcome === 'accepted') void reply.header('location', `/incidents/${incidentId}`);
    return respond(reply, result, incidentId, 201);
  }
}

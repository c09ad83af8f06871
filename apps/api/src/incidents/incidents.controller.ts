import { Body, Controller, Headers, HttpCode, Post, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOperation } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { Principal } from '@casebook/access';
import { WriteSide } from '@casebook/incidents';
import { Access } from '../auth/access.decorator';
import { CurrentPrincipal } from '../auth/bearer-auth.guard';
import { CommandEndpoints } from '../commands/command-endpoints.decorator';
import { instant, issuedBy, respond } from '../commands/command-http';
import { ReportIncidentDto } from './report-incident.dto';

@CommandEndpoints('incidents')
@Controller('incidents')
export class IncidentsController {
  constructor(private readonly writeSide: WriteSide) {}

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
    const issued = issuedBy(principal, 'reportIncident', headers, body.schoolId);
    const involved = body.involved.map((p) => ({ personId: p.personId, personKind: p.personKind, role: p.role, ...(p.displayName ? { displayName: p.displayName } : {}) }));
    const report = { type: body.type, schoolId: body.schoolId, category: body.category, occurredAt: instant(body.occurredAt), summary: body.summary, involved };
    return respond(reply, await this.writeSide.cases.report(report, issued), 201);
  }
}

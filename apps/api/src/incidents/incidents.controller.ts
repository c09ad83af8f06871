import { Body, Controller } from '@nestjs/common';
import { type CommandOutcome, WriteSide } from '@casebook/incidents';
import { Route } from '../auth/route.decorator';
import { CommandEndpoints } from '../commands/command-endpoints.decorator';
import { type IssueCommand, IssuedBy, instant } from '../commands/command-http';
import { ReportIncidentDto } from './report-incident.dto';

@CommandEndpoints('incidents')
@Controller()
export class IncidentsController {
  constructor(private readonly writeSide: WriteSide) {}

  @Route('reportIncident', {
    status: 201,
    summary: 'Report a pupil incident or staff misconduct (SC1): a teacher, director or the board',
    answer: '{ id, revision, position, caseNumber ("2026-0042") }; Location: /incidents/{id}',
  })
  async report(@Body() body: ReportIncidentDto, @IssuedBy() issue: IssueCommand): Promise<CommandOutcome> {
    const involved = body.involved.map((p) => ({
      personId: p.personId,
      personKind: p.personKind,
      role: p.role,
      ...(p.displayName ? { displayName: p.displayName } : {}),
    }));
    const report = { type: body.type, schoolId: body.schoolId, category: body.category, occurredAt: instant(body.occurredAt), summary: body.summary, involved };
    return this.writeSide.cases.report(report, issue(body.schoolId));
  }
}

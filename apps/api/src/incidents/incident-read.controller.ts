import { Controller, ForbiddenException, Headers, NotFoundException, Param, Res, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiNotFoundResponse, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { Principal } from '@casebook/access';
import { BearerAuthGuard, CurrentPrincipal } from '../auth/bearer-auth.guard';
import { type IncidentView, WriteSide } from '@casebook/incidents';
import { UuidPipe } from '../http/uuid.pipe';
import { ShowingSubjects } from '../reads/dossier-read.interceptor';
import { Route } from '../auth/route.decorator';
import { permits } from '../auth/access-policy';
import { refuseInvolvedReader } from '../reads/conflict-of-interest.guard';
import { readsAsReporterOnly, reporterView } from './reporter-view';
import { INCIDENT_SCHEMA } from '../http/answer-schemas';

/** The authorization table's row readIncident: board and legal every case; a director its schools'; HR staff cases; a teacher its reports. */
function mayRead(principal: Principal, view: IncidentView): boolean {
  return permits('readIncident', principal, { schoolId: view.schoolId, caseKind: view.kind, reportedBy: view.reportedBy });
}

/** RFC 9110 If-None-Match: `*`, or a list of ETags (weak or strong) one of which is this revision's. */
function matchesRevision(header: string | undefined, revision: number): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  return header.split(',').some((tag) => tag.trim().replace(/^W\//, '') === `"${revision}"`);
}

@ApiTags('incidents')
@ApiBearerAuth()
@Controller()
@UseGuards(BearerAuthGuard)
export class IncidentReadController {
  constructor(private readonly writeSide: WriteSide) {}

  @Route('readIncident', {
    summary: 'The case as it stands, rebuilt from its stream; ETag is its revision',
    answer: 'The case: caseNumber, report, scope, evidence, correspondence, measures, hearings, qualifications, inspector calls, obligations',
    schema: INCIDENT_SCHEMA,
  })
  @ApiForbiddenResponse({ description: 'Not one of the roles that read this case' })
  @ApiNotFoundResponse({ description: 'No incident with this id' })
  @ApiResponse({ status: 304, description: 'If-None-Match names the current revision: nothing changed since (no body)' })
  async read(
    @Param('id', UuidPipe) id: string,
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @CurrentPrincipal() principal: Principal,
    @ShowingSubjects() showing: (subjectIds: readonly string[]) => void,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<IncidentView | undefined> {
    // Every read goes into the access log before the answer leaves, refused ones too (DossierReadInterceptor); the
    // people it names are those of the view folded here.
    const view = await this.writeSide.views.view(id);
    if (!view) throw new NotFoundException({ detail: `No incident ${id}` });
    showing((view.involved as { personId: string }[]).map((person) => person.personId));
    if (!mayRead(principal, view)) throw new ForbiddenException({ detail: 'Your roles do not read this case' });
    refuseInvolvedReader(principal, view);
    // Read straight from the stream: always as far as the case's own last event (api.md: every read says where it is).
    void reply.header('etag', `"${view.revision}"`).header('x-projection-position', String(view.position)).header('cache-control', 'no-store');
    // The client already holds this revision (If-None-Match): 304 without a body, so nothing is opened or sent.
    // Still a read of the dossier, and logged as one above.
    if (matchesRevision(ifNoneMatch, view.revision)) {
      void reply.status(304);
      return undefined;
    }
    return readsAsReporterOnly(principal, view) ? reporterView(view, principal.id) : view;
  }
}

import { Controller, ForbiddenException, NotFoundException, Param, Query, Res, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiHeader, ApiNotFoundResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { Principal } from '@casebook/access';
import { WriteSide, schoolYearOf } from '@casebook/incidents';
import { type PersonnelFileView, type PupilFileView, findPersonnelFile, findPupilFile, pupilFileSchools } from '@casebook/projections';
import { BearerAuthGuard, CurrentPrincipal } from '../auth/bearer-auth.guard';
import { PersonIdPipe } from '../http/person-id.pipe';
import { ReadQueryDto } from './read-query.dto';
import { ReadModels } from './read-models.http';
import { Route } from '../auth/route.decorator';
import { permits } from '../auth/access-policy';
import { refuseFileWithCaseOfReader } from './conflict-of-interest.guard';

/** The pupil file and the personnel file: every read, granted or refused, goes into the access log (DossierReadInterceptor). */
@ApiTags('files')
@ApiBearerAuth()
@ApiHeader({ name: 'X-Projection-Position', required: false, description: 'In the response: the position the read model has reached' })
@ApiForbiddenResponse({ description: 'Not a role that reads this file (logged in the access log)' })
@ApiNotFoundResponse({ description: 'Nothing is filed about this person (or not at your schools)' })
@ApiServiceUnavailableResponse({ description: 'waitForPosition not reached within 5 s; Retry-After' })
@Controller()
@UseGuards(BearerAuthGuard)
export class DossierReadsController {
  constructor(
    private readonly readModels: ReadModels,
    private readonly writeSide: WriteSide,
  ) {}

  @Route('readPupilFile', {
    summary: "The pupil file (F2, P1–P2, M1–M6, E1–E3): a director of the pupil's school (its part), the board, legal",
    answer: "Incidents, measures, device custody with this year's offence count, e-mail account, correspondence, parent notifications",
  })
  async pupilFile(
    @Param('pupilId', PersonIdPipe) pupilId: string,
    @Query() query: ReadQueryDto,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<PupilFileView> {
    const source = await this.readModels.open('pupil-file', reply, query.waitForPosition);
    // DIR1 (#31): where the directory knows the pupil, the file is their school's — its director reads all of it,
    // also what another school wrote about them; a director elsewhere reads only their own school's part, if any.
    const known = await this.writeSide.directoryFacts.schoolId(pupilId);
    const ownPupil = known !== null && permits('readPupilFile', principal, { schoolId: known });
    const everything = principal.roles.includes('board') || principal.roles.includes('legal') || ownPupil;
    const schools = await pupilFileSchools(source, pupilId);
    if (!everything && schools.length && !schools.some((schoolId) => permits('readPupilFile', principal, { schoolId }))) {
      throw new ForbiddenException({ detail: "This pupil's file belongs to another school" });
    }
    const now = new Date().toISOString();
    const file = await findPupilFile(source, pupilId, {
      ...(everything ? {} : { schools: principal.schools }),
      schoolYear: schoolYearOf(now, this.writeSide.settings.policy),
      today: now.slice(0, 10),
    });
    if (!file) throw new NotFoundException({ detail: `Nothing is filed about pupil ${pupilId}` });
    await refuseFileWithCaseOfReader(principal, file, (id) => this.writeSide.views.view(id)); // CI1
    return file;
  }

  @Route('readPersonnelFile', {
    summary: 'The personnel file (F1, S8–S13, B1): HR, the board, legal',
    answer:
      'Misconduct cases, qualifications, disciplinary measures, correspondence, manager consultations, inspector reports, disciplinary intentions, hearings, dismissal procedures',
  })
  async personnelFile(
    @Param('staffId', PersonIdPipe) staffId: string,
    @Query() query: ReadQueryDto,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<PersonnelFileView> {
    const source = await this.readModels.open('personnel-file', reply, query.waitForPosition);
    const file = await findPersonnelFile(source, staffId);
    if (!file) throw new NotFoundException({ detail: `Nothing is filed about staff member ${staffId}` });
    await refuseFileWithCaseOfReader(principal, file, (id) => this.writeSide.views.view(id)); // CI1
    return file;
  }
}

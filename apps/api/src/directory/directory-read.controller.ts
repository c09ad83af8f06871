import { BadRequestException, Controller, ForbiddenException, Inject, NotFoundException, Param, Query, Res, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiNotFoundResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { AccessLogWriter, type Principal } from '@casebook/access';
import { permits } from '../auth/access-policy';
import { newEventId } from '@casebook/event-store';
import type { Role } from '@casebook/incidents';
import { findDirectoryPeople, findSchools } from '@casebook/projections';
import { RUNTIME, type Runtime } from '@casebook/runtime';
import { BearerAuthGuard, CurrentPrincipal } from '../auth/bearer-auth.guard';
import { Route } from '../auth/route.decorator';
import { PersonIdPipe } from '../http/person-id.pipe';
import { ReadModels } from '../reads/read-models.http';
import { ReadQueryDto, page } from '../reads/read-query.dto';
import { DirectoryPeopleQueryDto, SchoolPupilsQueryDto } from './directory-read.dto';
import { SCHOOLS_SCHEMA, SCHOOL_SCHEMA } from '../http/answer-schemas';

/** Lower case, accents off: "Émile" is found by "emi". */
const fold = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();

/** The people whose name, or a word of it onwards, starts with `q` ("viss", "daan v"); all of them without one. */
function matchingName<T extends { readonly name: string }>(people: readonly T[], q: string | undefined): readonly T[] {
  const prefix = q ? fold(q.trim()) : '';
  if (!prefix) return people;
  return people.filter((person) =>
    fold(person.name)
      .split(/\s+/)
      .some((_, i, words) => words.slice(i).join(' ').startsWith(prefix)),
  );
}

/** The directory as the console reads it (DIR1): schools, and people for pickers with their names opened. */
@ApiTags('directory')
@ApiBearerAuth()
@Controller()
@UseGuards(BearerAuthGuard)
export class DirectoryReadController {
  /** Names are personal data: every list of people is logged with whom it showed. */
  private readonly accessLog: AccessLogWriter;

  constructor(
    private readonly readModels: ReadModels,
    @Inject(RUNTIME) private readonly runtime: Runtime,
  ) {
    this.accessLog = new AccessLogWriter(runtime.eventStore);
  }

  @Route('readSchools', {
    summary: "The board's schools (DIR1)",
    answer: '{ items: [{ schoolId, brin, name, holidayRegion, schoolDayEndsAt }] }',
    schema: SCHOOLS_SCHEMA,
  })
  async schools(@Query() query: ReadQueryDto, @Res({ passthrough: true }) reply: FastifyReply) {
    return { items: await findSchools(await this.readModels.open('directory', reply, query.waitForPosition)) };
  }

  @Route('readSchool', { summary: 'One school (DIR1)', answer: '{ schoolId, brin, name, holidayRegion, schoolDayEndsAt }', schema: SCHOOL_SCHEMA })
  @ApiNotFoundResponse({ description: 'No such school in the directory' })
  async school(@Param('schoolId', PersonIdPipe) schoolId: string, @Query() query: ReadQueryDto, @Res({ passthrough: true }) reply: FastifyReply) {
    const [school] = await findSchools(await this.readModels.open('directory', reply, query.waitForPosition), schoolId);
    if (!school) throw new NotFoundException({ detail: `No school ${schoolId} in the directory` });
    return school;
  }

  @Route('readDirectoryPeople', {
    summary:
      'People for pickers (DIR1): of a school, a kind, whose name (or a word of it) starts with q; names opened for you; a director its own schools, HR staff; logged in the access log',
    answer: '{ items: [{ personId, kind, name, email, phone, schoolIds, roles, group, authorityOver, leftOn }], nextCursor }',
  })
  @ApiForbiddenResponse({ description: "Another school's people (a director), or pupils and parents (HR)" })
  async people(@Query() query: DirectoryPeopleQueryDto, @CurrentPrincipal() principal: Principal, @Res({ passthrough: true }) reply: FastifyReply) {
    const paging = page(query);
    if (Number.isNaN(paging.offset)) throw new BadRequestException({ detail: 'cursor is not one this API gave' });
    const scope = this.scopeOf(principal, query);
    const people = await findDirectoryPeople(await this.readModels.open('directory', reply, query.waitForPosition), scope);
    const opened = await this.runtime.reveal.reveal(people);
    const items = matchingName(opened, query.q).slice(paging.offset, paging.offset + paging.limit);
    await this.accessLog.record(
      {
        actorId: principal.id,
        actorRoles: principal.roles,
        resource: 'directory',
        resourceId: 'people',
        subjectIds: items.map((person) => person.personId),
        outcome: 'granted',
      },
      newEventId(),
    );
    return { items, nextCursor: paging.next(items.length) };
  }

  @Route('readSchoolPupils', {
    summary:
      "The pupils of a school for the report form's picker (console): id, name and group only; a teacher or director of the school, the board; logged in the access log",
    answer: '{ items: [{ personId, name, group }], nextCursor }',
  })
  @ApiForbiddenResponse({ description: "Another school's pupils" })
  async schoolPupils(
    @Param('schoolId', PersonIdPipe) schoolId: string,
    @Query() query: SchoolPupilsQueryDto,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const paging = page(query);
    if (Number.isNaN(paging.offset)) throw new BadRequestException({ detail: 'cursor is not one this API gave' });
    if (!permits('readSchoolPupils', principal, { schoolId }))
      throw new ForbiddenException({ detail: 'The pupils of a school are for its teachers, its director and the board' });
    // Pupils still at the school: a pupil who left is no longer reported about from here.
    const pupils = (
      await findDirectoryPeople(await this.readModels.open('directory', reply, query.waitForPosition), { schools: [schoolId], kinds: ['pupil'] })
    ).filter((pupil) => !pupil.leftOn);
    const opened = await this.runtime.reveal.reveal(pupils);
    const items = matchingName(opened, query.q)
      .slice(paging.offset, paging.offset + paging.limit)
      .map(({ personId, name, group }) => ({ personId, name, group }));
    await this.accessLog.record(
      {
        actorId: principal.id,
        actorRoles: principal.roles,
        resource: 'directory',
        resourceId: `pupils-of-${schoolId}`,
        subjectIds: items.map((pupil) => pupil.personId),
        outcome: 'granted',
      },
      newEventId(),
    );
    return { items, nextCursor: paging.next(items.length) };
  }

  /** Whose people a caller may list: board and legal anyone; a director its schools; HR the staff of any school. */
  private scopeOf(principal: Principal, query: DirectoryPeopleQueryDto): { schools?: readonly string[]; kinds?: readonly string[] } {
    const has = (role: Role) => principal.roles.includes(role);
    const kinds = query.kind ? [query.kind] : undefined;
    if (has('board') || has('legal')) return { schools: query.schoolId ? [query.schoolId] : undefined, kinds };
    if (has('director') && (!query.schoolId || principal.schools.includes(query.schoolId)))
      return { schools: query.schoolId ? [query.schoolId] : principal.schools, kinds };
    if (has('hr')) {
      if (query.kind && query.kind !== 'staff') throw new ForbiddenException({ detail: 'HR finds staff members here' });
      return { schools: query.schoolId ? [query.schoolId] : undefined, kinds: ['staff'] };
    }
    throw new ForbiddenException({ detail: "The people of another school are its director's and the board's" });
  }
}

import { BadRequestException, Controller, ForbiddenException, Headers, Inject, Query, Res, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiProduces, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { AccessLogWriter, type Principal } from '@casebook/access';
import { newEventId } from '@casebook/event-store';
import { WriteSide, atLocalTime, localIsoDateOf, nextDate } from '@casebook/incidents';
import {
  type CaseloadCursor,
  type StatisticsKey,
  type WorkItem,
  findCaseload,
  findDirectoryPeople,
  findStatistics,
  findWork,
  ordered,
  statisticsCsv,
} from '@casebook/projections';
import type { DataSource } from 'typeorm';
import { RUNTIME, type Runtime } from '@casebook/runtime';
import { BearerAuthGuard, CurrentPrincipal } from '../auth/bearer-auth.guard';
import { Route } from '../auth/route.decorator';
import { ReadModels } from '../reads/read-models.http';
import { ReadQueryDto } from '../reads/read-query.dto';
import { caseloadScopeOf } from './caseload-scope';
import { CaseloadQueryDto, StatisticsQueryDto } from './caseload.dto';
import { CASELOAD_PAGE_SCHEMA, WORK_SCHEMA } from '../http/answer-schemas';

/** The start of a calendar day in the board's time zone (a period's days are the school's days). */
function startOf(day: string, timeZone: string): Date {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return atLocalTime({ year, month, day: date }, { hours: 0, minutes: 0 }, timeZone);
}
function afterDay(day: string, timeZone: string): Date {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return atLocalTime(nextDate({ year, month, day: date }), { hours: 0, minutes: 0 }, timeZone);
}

function cursorOf(text: string | undefined): CaseloadCursor | undefined {
  if (!text) return undefined;
  try {
    const parsed = JSON.parse(Buffer.from(text, 'base64url').toString()) as { r?: unknown; i?: unknown };
    if (typeof parsed.r === 'string' && !Number.isNaN(Date.parse(parsed.r)) && typeof parsed.i === 'string' && parsed.i.length <= 64)
      return { reportedAt: parsed.r, incidentId: parsed.i };
  } catch {
    // Not ours: answered below.
  }
  throw new BadRequestException({ detail: 'cursor is not one this API gave' });
}

/** Caseload and work (api.md revision 2): find cases, see what waits for me, report to the board. */
@ApiTags('caseload')
@ApiBearerAuth()
@ApiForbiddenResponse({ description: 'Not a role that reads this' })
@ApiServiceUnavailableResponse({ description: 'waitForPosition not reached within 5 s; Retry-After' })
@Controller()
@UseGuards(BearerAuthGuard)
export class CaseloadController {
  /** Lists are logged like dossier reads (issue #17: who listed which cases), with a group commit. */
  private readonly accessLog: AccessLogWriter;

  constructor(
    private readonly readModels: ReadModels,
    private readonly writeSide: WriteSide,
    @Inject(RUNTIME) private readonly runtime: Runtime,
  ) {
    this.accessLog = new AccessLogWriter(runtime.eventStore);
  }

  private get timeZone(): string {
    return this.writeSide.settings.policy.workingDays.timeZone;
  }

  @Route('listIncidents', {
    summary:
      'The caseload: the cases you may see, newest first, filtered and paged; no names or narratives; not a case you are involved in (CI1); logged in the access log',
    answer:
      '{ items: [{ id, caseNumber, kind, schoolId, category, status, ownerId, reportedAt, lastChangedAt, openObligations, overdueObligations }], nextCursor }',
    schema: CASELOAD_PAGE_SCHEMA,
  })
  async list(@Query() query: CaseloadQueryDto, @CurrentPrincipal() principal: Principal, @Res({ passthrough: true }) reply: FastifyReply) {
    const after = cursorOf(query.cursor);
    const source = await this.readModels.open('caseload', reply, query.waitForPosition);
    const filter = {
      schoolId: query.schoolId,
      kind: query.kind,
      category: query.category,
      status: query.status,
      from: query.from ? startOf(query.from, this.timeZone) : undefined,
      to: query.to ? afterDay(query.to, this.timeZone) : undefined,
      personId: query.personId,
      ownerId: query.ownerId,
      caseNumber: query.caseNumber,
      overdue: query.overdue === 'true',
    };
    const page = await findCaseload(source, { filter, scope: caseloadScopeOf(principal), now: new Date(), limit: Number(query.limit ?? 50), after });
    // Before the answer leaves: who listed which cases.
    await this.accessLog.record(
      {
        actorId: principal.id,
        actorRoles: principal.roles,
        resource: 'caseload',
        resourceId: 'incidents',
        subjectIds: [],
        outcome: 'granted',
        caseIds: page.items.map((item) => item.id),
      },
      newEventId(),
    );
    const nextCursor = page.next ? Buffer.from(JSON.stringify({ r: page.next.reportedAt, i: page.next.incidentId })).toString('base64url') : null;
    return { items: page.items, nextCursor };
  }

  @Route('readWork', {
    summary:
      'Your work queue: what waits for you now by your roles (and the cases you own), overdue first, then by due time; each item links to its case and obligation',
    answer: '{ items: [{ kind, caseId, caseNumber, schoolId, dueAt, overdue, obligationId?, decisionId?, personId?, personName? }] }',
    schema: WORK_SCHEMA,
  })
  async work(@Query() query: ReadQueryDto, @CurrentPrincipal() principal: Principal, @Res({ passthrough: true }) reply: FastifyReply) {
    // Every read model it draws on, each as far as the position asked; the header says the least of them.
    const positions: number[] = [];
    const open = async (name: string) => {
      const source = await this.readModels.open(name, reply, query.waitForPosition);
      positions.push(Number(reply.getHeader('x-projection-position')));
      return source;
    };
    const sources = {
      obligations: await open('obligations'),
      inspectorQueue: await open('inspector-queue'),
      caseload: await open('caseload'),
      privacyRegister: await open('privacy-register'),
    };
    void reply.header('x-projection-position', String(Math.min(...positions)));
    const now = new Date();
    const items: WorkItem[] = await findWork(sources, principal, now);
    if (principal.roles.includes('legal')) {
      // Legal: the people whose retention ended (the same report as GET /privacy/retention).
      const report = await this.writeSide.privacy.retentionReport(localIsoDateOf(now, this.timeZone), this.runtime.config.privacy.retention);
      for (const due of report.due)
        items.push({
          kind: 'retention-due',
          caseId: null,
          caseNumber: null,
          schoolId: null,
          dueAt: startOf(due.endsOn, this.timeZone).toISOString(),
          overdue: true,
          personId: due.personId,
        });
    }
    return { items: ordered(await this.named(items, await open('directory'), principal)) };
  }

  /**
   * Items about a person (a device due back, a retention ended) carry the person's name, opened for the caller: a
   * director must know whose phone to give back. The names read are logged like every directory read.
   */
  private async named(items: readonly WorkItem[], directory: DataSource, principal: Principal): Promise<WorkItem[]> {
    const ids = [...new Set(items.flatMap((item) => (item.personId ? [item.personId] : [])))];
    if (ids.length === 0) return [...items];
    const people = await this.runtime.reveal.reveal(await findDirectoryPeople(directory, { personIds: ids }));
    const names = new Map(people.map((person) => [person.personId, person.name]));
    await this.accessLog.record(
      { actorId: principal.id, actorRoles: principal.roles, resource: 'directory', resourceId: 'work', subjectIds: [...names.keys()], outcome: 'granted' },
      newEventId(),
    );
    return items.map((item) => (item.personId && names.has(item.personId) ? { ...item, personName: names.get(item.personId)! } : item));
  }

  @Route('readStatistics', {
    summary:
      'Counts of cases and measures per school, category, kind and month for a period; a count below 5 is "< 5" (and so is a second cell where one alone would be given away by the total); JSON, or CSV with Accept: text/csv',
    answer: '{ groupBy, rows: [{ school?, category?, kind?, month?, cases, measures }], totals: { cases, measures } }',
  })
  @ApiProduces('application/json', 'text/csv')
  async statistics(
    @Query() query: StatisticsQueryDto,
    @Headers('accept') accept: string | undefined,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const wide = principal.roles.includes('board') || principal.roles.includes('legal');
    // A director: its own schools only, one of them when it names one.
    if (!wide && query.schoolId && !principal.schools.includes(query.schoolId))
      throw new ForbiddenException({ detail: "Statistics of another school are the board's" });
    const schools = query.schoolId ? [query.schoolId] : wide ? undefined : principal.schools;
    const source = await this.readModels.open('caseload', reply, query.waitForPosition);
    const statistics = await findStatistics(source, {
      groupBy: (query.groupBy?.split(',') ?? []) as StatisticsKey[],
      from: query.from ? startOf(query.from, this.timeZone) : undefined,
      to: query.to ? afterDay(query.to, this.timeZone) : undefined,
      schools,
    });
    if (accept?.includes('text/csv')) {
      void reply.type('text/csv; charset=utf-8').header('content-disposition', 'attachment; filename="casebook-statistics.csv"');
      return statisticsCsv(statistics);
    }
    return statistics;
  }
}

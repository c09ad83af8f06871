import { WriteSide } from '@casebook/incidents';
import { refuseInvolvedReader } from './conflict-of-interest.guard';
import { BadRequestException, Controller, ForbiddenException, Headers, NotFoundException, Param, Query, Res, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { Principal } from '@casebook/access';
import { findAccessLog, findInspectorQueue, findObligations, findTimeline, findTimelineCase, timelineLanguage } from '@casebook/projections';
import { BearerAuthGuard, CurrentPrincipal } from '../auth/bearer-auth.guard';
import { UuidPipe } from '../http/uuid.pipe';
import { AccessLogQueryDto, InspectorNotificationsQueryDto, ObligationsQueryDto, TimelineQueryDto } from './list-query.dtos';
import { page } from './read-query.dto';
import { ReadModels } from './read-models.http';
import { Route } from '../auth/route.decorator';
import { permits } from '../auth/access-policy';
import { TIMELINE_PAGE_SCHEMA, OBLIGATIONS_PAGE_SCHEMA, INSPECTOR_QUEUE_PAGE_SCHEMA, ACCESS_LOG_PAGE_SCHEMA } from '../http/answer-schemas';

const has = (principal: Principal, ...roles: string[]) => principal.roles.some((role) => roles.includes(role));

function pageOf(query: TimelineQueryDto): ReturnType<typeof page> {
  const paging = page(query);
  if (Number.isNaN(paging.offset)) throw new BadRequestException({ detail: 'cursor is not one this API gave' });
  return paging;
}

/** Lists: the obligations, the inspector queue, a case timeline, the access log. Pages of `limit`, `nextCursor`. */
@ApiTags('reads')
@ApiBearerAuth()
@ApiForbiddenResponse({ description: 'Not a role that reads this' })
@ApiServiceUnavailableResponse({ description: 'waitForPosition not reached within 5 s; Retry-After' })
@Controller()
@UseGuards(BearerAuthGuard)
export class ListReadsController {
  constructor(
    private readonly readModels: ReadModels,
    private readonly writeSide: WriteSide,
  ) {}

  @Route('readObligations', {
    summary: 'Obligations with their due time, overdue first: a director (its schools) or the board',
    answer:
      '{ items: [{ obligationId, kind, regarding, incidentId, pupilId, schoolId, openedAt, dueAt, closedAt, status, timing (FACT1: before-due | after-due, when done) }], nextCursor }',
    schema: OBLIGATIONS_PAGE_SCHEMA,
  })
  async obligations(@Query() query: ObligationsQueryDto, @CurrentPrincipal() principal: Principal, @Res({ passthrough: true }) reply: FastifyReply) {
    const paging = pageOf(query);
    const source = await this.readModels.open('obligations', reply, query.waitForPosition);
    const schools = has(principal, 'board') ? undefined : principal.schools;
    const items = await findObligations(source, { status: query.status, schools, now: new Date(), limit: paging.limit, offset: paging.offset });
    return { items, nextCursor: paging.next(items.length) };
  }

  @Route('readInspectorQueue', {
    summary: 'The inspector notification queue (B1): pending, done, overdue after one working day; the board and legal',
    answer: '{ items: [{ itemId, incidentId, schoolId, basis, createdAt, dueAt, status, call }], nextCursor }',
    schema: INSPECTOR_QUEUE_PAGE_SCHEMA,
  })
  async inspectorNotifications(@Query() query: InspectorNotificationsQueryDto, @Res({ passthrough: true }) reply: FastifyReply) {
    const paging = pageOf(query);
    const source = await this.readModels.open('inspector-queue', reply, query.waitForPosition);
    const items = await findInspectorQueue(source, { status: query.status, now: new Date(), limit: paging.limit, offset: paging.offset });
    return { items, nextCursor: paging.next(items.length) };
  }

  @Route('readTimeline', {
    summary: 'Every event of a case in order with a plain-language line (Dutch; English with Accept-Language: en); late records marked (B4)',
    answer: '{ items: [{ position, revision, type, occurredAt, recordedAt, late, actor: { id, role }, text }], nextCursor }',
    schema: TIMELINE_PAGE_SCHEMA,
  })
  async timeline(
    @Param('id', UuidPipe) id: string,
    @Query() query: TimelineQueryDto,
    @Headers('accept-language') acceptLanguage: string | undefined,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const paging = pageOf(query);
    const source = await this.readModels.open('case-timeline', reply, query.waitForPosition);
    const kase = await findTimelineCase(source, id);
    if (!kase) throw new NotFoundException({ detail: `No incident ${id}` });
    if (!permits('readTimeline', principal, { schoolId: kase.schoolId, caseKind: kase.caseKind as 'pupil-incident' | 'staff-misconduct' })) {
      throw new ForbiddenException({ detail: 'Your roles do not read this timeline' });
    }
    // CI1: who the case is about, folded from its stream (the timeline's rows name no people).
    const view = await this.writeSide.views.view(id);
    if (view) refuseInvolvedReader(principal, view);
    const language = timelineLanguage(acceptLanguage);
    void reply.header('content-language', language);
    const items = await findTimeline(source, id, { language, after: 0, limit: paging.offset + paging.limit });
    const pageItems = items.slice(paging.offset);
    return { items: pageItems, nextCursor: paging.next(pageItems.length) };
  }

  @Route('readAccessLog', {
    summary: 'Who read what (domain spec: access log): legal; by subject (whose data) or actor (who read), newest first',
    answer: '{ items: [{ accessId, readAt, actorId, actorRoles, resource, resourceId, subjectIds, outcome }], nextCursor }',
    schema: ACCESS_LOG_PAGE_SCHEMA,
  })
  async accessLog(@Query() query: AccessLogQueryDto, @Res({ passthrough: true }) reply: FastifyReply) {
    const paging = pageOf(query);
    const source = await this.readModels.open('access-log', reply, query.waitForPosition);
    const items = await findAccessLog(source, {
      subjectId: query.subjectId,
      actorId: query.actorId,
      from: query.from ? new Date(query.from) : undefined,
      to: query.to ? new Date(query.to) : undefined,
      limit: paging.limit,
      offset: paging.offset,
    });
    return { items, nextCursor: paging.next(items.length) };
  }
}

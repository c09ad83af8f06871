import { randomUUID } from 'node:crypto';
import {
  BadRequestException,
  type ExecutionContext,
  ForbiddenException,
  HttpException,
  NotFoundException,
  PreconditionFailedException,
  createParamDecorator,
} from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Principal } from '@casebook/access';
import type { Actor, CommandContext, CommandMeta, CommandOutcome, Issued, Role } from '@casebook/incidents';
import { type Operation, rolesFor } from '../auth/access-policy';
import { ACCESS_OPERATIONS } from '../auth/access.decorator';

/**
 * The acting role for this request: the first of `allowed` the caller holds (so someone who is both board and
 * director acts as board), scoped to `schoolId` for directors and teachers. 403 otherwise (api.md, role table).
 */
export function actorFor(principal: Principal, allowed: readonly Role[], schoolId?: string): Actor {
  const role = allowed.find((candidate) => principal.roles.includes(candidate));
  // A 403 names the role table (ROLE) and who may: the console says it in Dutch (#33).
  if (!role) throw new ForbiddenException({ detail: `This needs one of the roles ${allowed.join(', ')}`, rule: 'ROLE' });
  const scoped = role === 'director' || role === 'teacher';
  if (scoped && schoolId !== undefined && !principal.schools.includes(schoolId)) {
    throw new ForbiddenException({ detail: `You do not act for school ${schoolId}: a ${role} acts for their own schools`, rule: 'ROLE' });
  }
  return { id: principal.id, role, schools: principal.schools };
}

/** The command's context: the acting role (see actorFor) and the server's clock, the one `now` of this request. */
export function contextFor(principal: Principal, allowed: readonly Role[], schoolId?: string): CommandContext {
  return { actor: actorFor(principal, allowed, schoolId), now: new Date().toISOString() };
}

/** A validated moment from a body (any offset) as the UTC instant the domain compares. */
export function instant(moment: string): string;
export function instant(moment: string | undefined): string | undefined;
export function instant(moment: string | undefined): string | undefined {
  return moment === undefined ? undefined : new Date(moment).toISOString();
}

/** What an `X-Correlation-Id` the server keeps looks like; anything else is replaced by a new id. */
export const CORRELATION_ID = /^[A-Za-z0-9_-]{8,64}$/;

/** Correlation from `X-Correlation-Id` when it is a sane id (else a new one); the request itself causes the command. */
export function commandMeta(headers: Record<string, string | string[] | undefined>): CommandMeta {
  const offered = headers['x-correlation-id'];
  const correlationId = typeof offered === 'string' && CORRELATION_ID.test(offered) ? offered : randomUUID();
  const ifMatch = headers['if-match'];
  if (ifMatch === undefined) return { correlationId, causationId: randomUUID() };
  const match = typeof ifMatch === 'string' ? /^(?:W\/)?"?(-?\d{1,15})"?$/.exec(ifMatch.trim()) : null;
  if (!match) throw new BadRequestException({ detail: 'If-Match must be an ETag this API gave, such as "3"' });
  return { correlationId, causationId: randomUUID(), expectedRevision: Number(match[1]) };
}

type RequestHeaders = Record<string, string | string[] | undefined>;

/**
 * What a command brings from its request: the acting role of the operation's row in the authorization table (and
 * the body's school, where the row scopes by it), the server's clock, and the request's ids and If-Match.
 */
export function issuedBy(principal: Principal, operation: Operation, headers: RequestHeaders, schoolId?: string): Issued {
  return { context: contextFor(principal, rolesFor(operation), schoolId), meta: commandMeta(headers) };
}

/** Makes the command's `Issued` once the body is validated: `issue()`, or `issue(body.schoolId)` where the row scopes by it. */
export type IssueCommand = (schoolId?: string) => Issued;

/**
 * The handler's `IssueCommand`, for the operation its `@Access` row names (the first one): who acts, in which role,
 * and the request's ids and If-Match. Lazy, so the body is validated (400) before the role and school (403).
 */
export const IssuedBy = createParamDecorator((_data: unknown, context: ExecutionContext): IssueCommand => {
  const request = context.switchToHttp().getRequest<FastifyRequest & { principal?: Principal }>();
  const [operation] = (Reflect.getMetadata(ACCESS_OPERATIONS, context.getHandler()) as Operation[] | undefined) ?? [];
  if (!operation || !request.principal) throw new ForbiddenException({ detail: 'This route has no row in the authorization table' });
  const principal = request.principal;
  return (schoolId) => issuedBy(principal, operation, request.headers, schoolId);
});

/**
 * The write side's answer as HTTP, in one place: accepted → the status given, `ETag: "<revision>"`, `Location`
 * where it made something, and `{ id, revision, position }` plus what else it answered; a domain refusal →
 * 403/404/409 naming the rule; a stale If-Match → 412.
 */
export function respond(reply: FastifyReply, result: CommandOutcome, status: 200 | 201): Record<string, unknown> {
  switch (result.outcome) {
    case 'accepted':
      void reply.status(status).header('etag', `"${result.revision}"`);
      if (result.location) void reply.header('location', result.location);
      return { id: result.id, revision: result.revision, position: result.position, ...result.answer };
    case 'precondition-failed':
      throw new PreconditionFailedException({ detail: `The case is at revision ${result.actualRevision}, not the one in If-Match` });
    case 'refused': {
      const { violation } = result;
      const body = { detail: `${violation.rule}: ${violation.message}`, rule: violation.rule, ...violation.details, ...result.details };
      if (violation.violation === 'forbidden') throw new ForbiddenException(body);
      if (violation.violation === 'not-found') throw new NotFoundException(body);
      throw new HttpException(body, 409);
    }
  }
}

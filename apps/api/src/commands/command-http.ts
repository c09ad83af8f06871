import { randomUUID } from 'node:crypto';
import { BadRequestException, ForbiddenException, HttpException, NotFoundException, PreconditionFailedException } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import type { Principal } from '@casebook/access';
import type { Actor, CommandContext, CommandMeta, CommandResult, Role } from '@casebook/incidents';

/**
 * The acting role for this request: the first of `allowed` the caller holds (so someone who is both board and
 * director acts as board), scoped to `schoolId` for directors and teachers. 403 otherwise (api.md, role table).
 */
export function actorFor(principal: Principal, allowed: readonly Role[], schoolId?: string): Actor {
  const role = allowed.find((candidate) => principal.roles.includes(candidate));
  if (!role) throw new ForbiddenException({ detail: `This needs one of the roles ${allowed.join(', ')}` });
  const scoped = role === 'director' || role === 'teacher';
  if (scoped && schoolId !== undefined && !principal.schools.includes(schoolId)) {
    throw new ForbiddenException({ detail: `You do not act for school ${schoolId}` });
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

/** Correlation from `X-Correlation-Id` when it is a sane id (else a new one); the request itself causes the command. */
export function commandMeta(headers: Record<string, string | string[] | undefined>): CommandMeta {
  const offered = headers['x-correlation-id'];
  const correlationId = typeof offered === 'string' && /^[A-Za-z0-9_-]{8,64}$/.test(offered) ? offered : randomUUID();
  const ifMatch = headers['if-match'];
  if (ifMatch === undefined) return { correlationId, causationId: randomUUID() };
  const match = typeof ifMatch === 'string' ? /^(?:W\/)?"?(-?\d{1,15})"?$/.exec(ifMatch.trim()) : null;
  if (!match) throw new BadRequestException({ detail: 'If-Match must be an ETag this API gave, such as "3"' });
  return { correlationId, causationId: randomUUID(), expectedRevision: Number(match[1]) };
}

/**
 * A handler's result as HTTP: accepted → the status given, `ETag: "<revision>"`, and `{ id, revision, position }`
 * plus `extra`; a rule refusal → 403/404/409 naming the rule; a stale If-Match → 412.
 */
export function respond<Event>(
  reply: FastifyReply,
  result: CommandResult<Event>,
  id: string,
  status: 200 | 201,
  extra: (events: readonly Event[]) => Record<string, unknown> = () => ({}),
): Record<string, unknown> {
  switch (result.outcome) {
    case 'accepted':
      void reply.status(status).header('etag', `"${result.revision}"`);
      return { id, revision: result.revision, position: result.position, ...extra(result.events) };
    case 'precondition-failed':
      throw new PreconditionFailedException({ detail: `The case is at revision ${result.actualRevision}, not the one in If-Match` });
    case 'refused': {
      const { violation } = result;
      const body = { detail: `${violation.rule}: ${violation.message}`, rule: violation.rule };
      if (violation.violation === 'forbidden') throw new ForbiddenException(body);
      if (violation.violation === 'not-found') throw new NotFoundException(body);
      throw new HttpException(body, 409);
    }
  }
}

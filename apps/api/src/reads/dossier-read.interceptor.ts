import {
  type CallHandler,
  type ExecutionContext,
  ForbiddenException,
  Inject,
  Injectable,
  type NestInterceptor,
  NotFoundException,
  createParamDecorator,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { type Observable, catchError, from, mergeMap } from 'rxjs';
import { AccessLogWriter, type Principal } from '@casebook/access';
import { newEventId } from '@casebook/event-store';
import { type AccessOutcome, WriteSide } from '@casebook/incidents';
import { RUNTIME, type Runtime } from '@casebook/runtime';
import { ACCESS_POLICY, type DossierRead, type Operation, admits, rolesFor } from '../auth/access-policy';
import { ACCESS_OPERATIONS } from '../auth/access.decorator';
import { ID_PATTERN } from '../http/field-validators';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const SHOWN = Symbol('casebook:dossier-subjects');

type DossierRequest = FastifyRequest & { principal?: Principal; [SHOWN]?: readonly string[] };

/**
 * The handler says whose data its answer shows, when it knows better than the declaration (the case view it folded
 * names the people of the case): `show(view.involved.map(...))`. Optional; the declaration's subjects otherwise.
 */
export const ShowingSubjects = createParamDecorator((_data: unknown, context: ExecutionContext) => {
  const request = context.switchToHttp().getRequest<DossierRequest>();
  return (subjectIds: readonly string[]) => (request[SHOWN] = subjectIds);
});

/**
 * Every dossier read goes into the access log before its answer leaves — granted, refused (403) or not found
 * (404) — with whose data it was (issue #15: one mechanism, driven by the authorization table's `dossier` rows,
 * instead of a log call per handler with its own order of checks). A caller holding none of the row's roles is
 * refused here, logged; the handler's own refusals (another school's file) and not-founds are logged on their way
 * out. A path id that is not well formed is left to the validation pipes (400) and logs nothing.
 */
@Injectable()
export class DossierReadInterceptor implements NestInterceptor {
  /** Dossier reads are logged with a group commit (concurrent reads share one). */
  private readonly accessLog: AccessLogWriter;

  constructor(
    private readonly reflector: Reflector,
    private readonly writeSide: WriteSide,
    @Inject(RUNTIME) runtime: Runtime,
  ) {
    this.accessLog = new AccessLogWriter(runtime.eventStore);
  }

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const operations = this.reflector.getAllAndOverride<Operation[] | undefined>(ACCESS_OPERATIONS, [context.getHandler(), context.getClass()]) ?? [];
    const operation = operations.find((candidate) => 'dossier' in ACCESS_POLICY[candidate]);
    if (!operation) return next.handle();
    const spec = (ACCESS_POLICY[operation] as { readonly dossier: DossierRead }).dossier;
    const request = context.switchToHttp().getRequest<DossierRequest>();
    const principal = request.principal!;
    const resourceId = resourceIdOf(spec, request);
    // Malformed: the pipes answer 400, the handler never runs, nothing was read.
    if (resourceId === undefined) return next.handle();
    const log = async (outcome: AccessOutcome) => {
      const subjectIds = request[SHOWN] ?? (outcome === 'not-found' && spec.subjects === 'the-case' ? [] : await this.subjectsOf(spec, resourceId, request));
      await this.accessLog.record(
        { actorId: principal.id, actorRoles: principal.roles, resource: spec.resource, resourceId, subjectIds, outcome },
        newEventId(),
      );
    };
    if (!admits(operation, principal)) {
      return from(log('refused')).pipe(
        mergeMap(() => {
          throw new ForbiddenException({ detail: `This is read by ${rolesFor(operation).join(', ')}` });
        }),
      );
    }
    return next.handle().pipe(
      mergeMap(async (body: unknown) => {
        await log('granted');
        return body;
      }),
      catchError(async (error: unknown) => {
        if (error instanceof ForbiddenException) await log('refused');
        else if (error instanceof NotFoundException) await log('not-found');
        throw error;
      }),
    );
  }

  private async subjectsOf(spec: DossierRead, resourceId: string, request: DossierRequest): Promise<readonly string[]> {
    switch (spec.subjects) {
      case 'the-person':
        return [resourceId];
      case 'the-case':
        return this.writeSide.caseStreams.subjects(resourceId);
      case 'query-subject': {
        const subjectId = (request.query as Record<string, unknown>)['subjectId'];
        return typeof subjectId === 'string' ? [subjectId] : [];
      }
    }
  }
}

/** The id the access log names as read, as the handler will see it; undefined when it is not well formed. */
function resourceIdOf(spec: DossierRead, request: DossierRequest): string | undefined {
  if ('param' in spec.id) {
    const value = (request.params as Record<string, string | undefined>)[spec.id.param] ?? '';
    if (spec.id.kind === 'uuid') return UUID.test(value) ? value.toLowerCase() : undefined;
    return ID_PATTERN.test(value) ? value : undefined;
  }
  const query = request.query as Record<string, unknown>;
  const person = (name: string): string | undefined | null => {
    const value = query[name];
    if (value === undefined) return null;
    return typeof value === 'string' && ID_PATTERN.test(value) ? value : undefined;
  };
  const subjectId = person('subjectId');
  const actorId = person('actorId');
  if (subjectId === undefined || actorId === undefined) return undefined;
  if (spec.id.query === 'subject-or-actor') return subjectId ?? actorId ?? '*';
  return subjectId ? `access-log:subject:${subjectId}` : `access-log:actor:${actorId ?? '*'}`;
}

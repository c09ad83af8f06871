import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, NotFoundException } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { type Logger, isDatabaseUnavailable } from '@casebook/platform';
import { PROBLEM_CONTENT_TYPE, type ProblemDetails, problem } from './problem-details';
import { consolePage } from '../console/home.controller';

/** Seconds a client is asked to wait when the database is unreachable (a restart takes a few). */
export const UNAVAILABLE_RETRY_AFTER_SECONDS = 5;

/** Fastify's own client errors (body parsing, limits, content types) and the status they deserve. */
const FASTIFY_CLIENT_ERRORS: Readonly<Record<string, number>> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 413,
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 415,
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 400,
  FST_ERR_CTP_EMPTY_JSON_BODY: 400,
  FST_ERR_CTP_INVALID_JSON_BODY: 400,
};

/**
 * Every error leaves as application/problem+json. What a client sent never yields a 500: known client errors
 * map to their 4xx; anything else is our fault, logged (class and message only) and answered without details.
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  constructor(private readonly logger: Logger) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const reply = http.getResponse<FastifyReply>();
    const request = http.getRequest<FastifyRequest>();
    // #33: a person who follows a stale or mistyped console address gets the console's own "not found" page (404),
    // in Dutch, not a JSON problem. Only a browser navigation (GET asking for HTML) to a path no route has.
    const page = exception instanceof NotFoundException && isPageRequest(request) ? consolePage() : undefined;
    if (page) {
      void reply.status(404).type('text/html; charset=utf-8').header('cache-control', 'no-store').send(page);
      return;
    }
    const { headers, ...problemBody } = { ...this.toProblem(exception, request), instance: request.url.split('?')[0] } as ProblemDetails & {
      headers?: Record<string, string>;
    };
    for (const [name, value] of Object.entries(headers ?? {})) void reply.header(name, value);
    void reply.status(problemBody.status).header('content-type', PROBLEM_CONTENT_TYPE).send(problemBody);
  }

  private toProblem(exception: unknown, request: FastifyRequest): ProblemDetails {
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const response = exception.getResponse();
      if (typeof response === 'object' && response !== null && 'detail' in response) {
        return { ...problem(status, String((response as ProblemDetails).detail)), ...(response as Partial<ProblemDetails>), status };
      }
      return problem(status, exception.message);
    }
    const code = (exception as { code?: unknown })?.code;
    const fastifyStatus = typeof code === 'string' ? FASTIFY_CLIENT_ERRORS[code] : undefined;
    if (fastifyStatus) return problem(fastifyStatus, (exception as Error).message);
    const statusCode = (exception as { statusCode?: unknown })?.statusCode;
    if (typeof statusCode === 'number' && statusCode >= 400 && statusCode < 500) {
      return problem(statusCode, (exception as Error).message ?? 'Bad request');
    }
    // The database is down or restarting: not the client's fault, nor a bug; try again shortly.
    if (isDatabaseUnavailable(exception)) {
      this.logger.warn({ method: request.method, route: request.routeOptions?.url }, 'database unavailable: answered 503');
      return {
        ...problem(503, 'The case store is unavailable for a moment; retry after the time in Retry-After'),
        headers: { 'retry-after': String(UNAVAILABLE_RETRY_AFTER_SECONDS) },
      } as ProblemDetails;
    }
    this.logger.error(
      { method: request.method, route: request.routeOptions?.url, error: exception instanceof Error ? exception.name : typeof exception },
      exception instanceof Error ? exception.message : 'unexpected error',
    );
    return problem(500, 'An unexpected error occurred; it has been logged.');
  }
}

/** A browser navigating: GET, asking for HTML first, to a path that matched no route (an API path's 404 stays JSON). */
function isPageRequest(request: FastifyRequest): boolean {
  if (request.method !== 'GET' || request.routeOptions?.url) return false;
  const accept = String(request.headers.accept ?? '');
  return accept.startsWith('text/html') && !request.url.startsWith('/assets/');
}

import { ForbiddenException, UnsupportedMediaTypeException } from '@nestjs/common';
import type { FastifyInstance } from 'fastify';
import { ACCESS_POLICY, type Operation, admits } from '../auth/access-policy';
import type { BearerAuthGuard } from '../auth/bearer-auth.guard';

/** The routes that take a file (text/csv) rather than JSON, by Fastify's route pattern. */
const FILE_ROUTES: ReadonlyMap<string, Operation> = new Map(
  (['importDirectory'] as const).map((operation) => [ACCESS_POLICY[operation].path.replace(/\{(\w+)\}/g, ':$1'), operation]),
);

/**
 * #31 item 5: a file upload is judged before its body is read. Fastify reads a body before Nest's guards run, so an
 * anonymous 50 MB text/csv post was read whole (memory to 1.2 GB) only to be answered 401. For a request carrying a
 * CSV body this hook answers first — 415 on a route that takes no file, 401 without valid credentials, 403 without
 * the route's role — and closes the connection, so the body is never read. The guard still runs for what passes.
 */
export function judgeUploadsBeforeTheirBody(fastify: FastifyInstance, guard: BearerAuthGuard): void {
  fastify.addHook('onRequest', async (request, reply) => {
    const type = String(request.headers['content-type'] ?? '').toLowerCase();
    if (!type.startsWith('text/csv')) return;
    try {
      const operation = FILE_ROUTES.get(request.routeOptions.url ?? '');
      if (!operation) throw new UnsupportedMediaTypeException({ detail: 'Only the directory imports take text/csv; other bodies are JSON (application/json)' });
      const principal = await guard.principalOf(request);
      if (!admits(operation, principal)) throw new ForbiddenException({ detail: 'The board imports the directory' });
    } catch (refusal) {
      // The body stays unread: the connection is closed after the answer rather than drained.
      void reply.header('connection', 'close');
      throw refusal;
    }
  });
}

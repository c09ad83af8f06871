import { Get, HttpCode, Post, applyDecorators } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { ACCESS_POLICY, type Operation } from './access-policy';
import { Access } from './access.decorator';

/** What the OpenAPI document says of an endpoint: its summary (and description), and what a success answers. */
export interface RouteDoc {
  readonly summary: string;
  readonly description?: string;
  /** The success answer, e.g. `{ id, revision, position }`. */
  readonly answer: string;
  /** Its JSON Schema (#33); a command's is given by its answer's words (COMMAND_ANSWER_SCHEMA). */
  readonly schema?: object;
}

/**
 * The answer of a command (api.md, Commands: `{ id, revision, position }` and more where stated): the response schema
 * of every command whose documented answer names its revision and position (#33: a typed contract; the console's
 * client and the matrix check answers against it). More fields are allowed: each command states its own.
 */
export const COMMAND_ANSWER_SCHEMA = {
  type: 'object',
  required: ['id', 'revision', 'position'],
  properties: {
    id: { type: 'string', minLength: 1 },
    revision: { type: 'integer', minimum: -1 },
    position: { type: 'integer', minimum: 0 },
  },
} as const;

/** The route path of a row of the authorization table: api.md's `/incidents/{id}/evidence` as `incidents/:id/evidence`. */
export function routeOf(operation: Operation): string {
  return ACCESS_POLICY[operation].path.replace(/\{(\w+)\}/g, ':$1').replace(/^\//, '');
}

/**
 * An endpoint named by its row of the authorization table: the row gives the method and the path (so the table and
 * the routes cannot drift apart), the access check (@Access), and — for a command — its success status.
 */
export function Route(operation: Operation, doc: RouteDoc & { readonly status?: 200 | 201 }): MethodDecorator {
  const { method } = ACCESS_POLICY[operation];
  const status = doc.status ?? 200;
  const command = method === 'POST' && /\brevision\b/.test(doc.answer) && /\bposition\b/.test(doc.answer);
  const schema = doc.schema ?? (command ? COMMAND_ANSWER_SCHEMA : undefined);
  const answer = { description: doc.answer, ...(schema ? { schema: schema as never } : {}) };
  return applyDecorators(
    Access(operation),
    method === 'POST' ? Post(routeOf(operation)) : Get(routeOf(operation)),
    ...(method === 'POST' ? [HttpCode(status)] : []),
    ApiOperation({ summary: doc.summary, ...(doc.description ? { description: doc.description } : {}) }),
    status === 201 ? ApiCreatedResponse(answer) : ApiOkResponse(answer),
  );
}

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
}

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
  return applyDecorators(
    Access(operation),
    method === 'POST' ? Post(routeOf(operation)) : Get(routeOf(operation)),
    ...(method === 'POST' ? [HttpCode(status)] : []),
    ApiOperation({ summary: doc.summary, ...(doc.description ? { description: doc.description } : {}) }),
    status === 201 ? ApiCreatedResponse({ description: doc.answer }) : ApiOkResponse({ description: doc.answer }),
  );
}

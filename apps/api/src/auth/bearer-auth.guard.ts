import { type CanActivate, type ExecutionContext, ForbiddenException, Inject, Injectable, UnauthorizedException, createParamDecorator } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { AuthenticationError, type Principal } from '@casebook/access';
import { RUNTIME, type Runtime } from '@casebook/runtime';
import { ACCESS_POLICY, type Operation, admits, rolesFor } from './access-policy';
import { ACCESS_OPERATIONS } from './access.decorator';

type AuthenticatedRequest = FastifyRequest & { principal?: Principal };

/** The token of an `Authorization: Bearer <token>` header (RFC 6750 token characters), or null. */
export function bearerTokenOf(header: string | string[] | undefined): string | null {
  const match = typeof header === 'string' ? /^Bearer ([A-Za-z0-9._~+/=-]+)$/.exec(header) : null;
  return match ? match[1]! : null;
}

/**
 * api.md, Auth: every command and read needs `Authorization: Bearer <JWT>`; otherwise 401, saying why. Then the
 * authorization table (access-policy.ts): a route with no row is refused for everyone (fail closed), and a caller
 * holding none of its roles gets 403 before the body is even validated — except dossier reads, whose refusal the
 * dossier-read interceptor logs in the access log first.
 */
@Injectable()
export class BearerAuthGuard implements CanActivate {
  constructor(
    @Inject(RUNTIME) private readonly runtime: Runtime,
    private readonly reflector: Reflector,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const header = request.headers.authorization;
    const token = bearerTokenOf(header);
    if (!token) throw unauthorized('An Authorization: Bearer <token> header is required');
    try {
      request.principal = await this.runtime.tokens.verify(token);
    } catch (error) {
      if (error instanceof AuthenticationError) throw unauthorized(error.reason);
      throw error;
    }
    const operations = this.reflector.getAllAndOverride<Operation[] | undefined>(ACCESS_OPERATIONS, [context.getHandler(), context.getClass()]);
    if (!operations?.length) throw new ForbiddenException({ detail: 'This route has no row in the authorization table' });
    // A dossier read passes on to the dossier-read interceptor, which logs the refusal before it answers 403.
    if (operations.some((operation) => 'dossier' in ACCESS_POLICY[operation] || admits(operation, request.principal!))) return true;
    const roles = [...new Set(operations.flatMap(rolesFor))];
    throw new ForbiddenException({ detail: `This needs one of the roles ${roles.join(', ')}` });
  }
}

function unauthorized(detail: string): UnauthorizedException {
  return new UnauthorizedException({ detail, headers: { 'www-authenticate': 'Bearer' } });
}

/** The verified caller of this request. */
export const CurrentPrincipal = createParamDecorator((_data: unknown, context: ExecutionContext): Principal => {
  const principal = context.switchToHttp().getRequest<AuthenticatedRequest>().principal;
  if (!principal) throw unauthorized('Not authenticated');
  return principal;
});

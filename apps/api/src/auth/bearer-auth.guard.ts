import { type CanActivate, type ExecutionContext, Inject, Injectable, UnauthorizedException, createParamDecorator } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { AuthenticationError, type Principal } from '@casebook/access';
import { RUNTIME, type Runtime } from '@casebook/runtime';

type AuthenticatedRequest = FastifyRequest & { principal?: Principal };

/** api.md, Auth: every command and read needs `Authorization: Bearer <JWT>`; otherwise 401, saying why. */
@Injectable()
export class BearerAuthGuard implements CanActivate {
  constructor(@Inject(RUNTIME) private readonly runtime: Runtime) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const header = request.headers.authorization;
    const match = typeof header === 'string' ? /^Bearer ([A-Za-z0-9._~+/=-]+)$/.exec(header) : null;
    if (!match) throw unauthorized('An Authorization: Bearer <token> header is required');
    try {
      request.principal = await this.runtime.tokens.verify(match[1]!);
      return true;
    } catch (error) {
      if (error instanceof AuthenticationError) throw unauthorized(error.reason);
      throw error;
    }
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

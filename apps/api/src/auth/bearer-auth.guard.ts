import { type CanActivate, type ExecutionContext, ForbiddenException, Inject, Injectable, UnauthorizedException, createParamDecorator } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { AuthenticationError, type Principal } from '@casebook/access';
import { RUNTIME, type Runtime } from '@casebook/runtime';
import { ACCESS_POLICY, type Operation, admits, rolesFor } from './access-policy';
import { ACCESS_OPERATIONS } from './access.decorator';
import { principalFromDirectory } from './session/directory-principal';
import { CSRF_HEADER, sessionIdOf } from './session/session-cookie';
import { SessionStore } from './session/session-store';

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
    private readonly sessions: SessionStore,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    request.principal = await this.principalOf(request);
    const operations = this.reflector.getAllAndOverride<Operation[] | undefined>(ACCESS_OPERATIONS, [context.getHandler(), context.getClass()]);
    if (!operations?.length) throw new ForbiddenException({ detail: 'This route has no row in the authorization table' });
    // A dossier read passes on to the dossier-read interceptor, which logs the refusal before it answers 403.
    if (operations.some((operation) => 'dossier' in ACCESS_POLICY[operation] || admits(operation, request.principal!))) return true;
    const roles = [...new Set(operations.flatMap(rolesFor))];
    throw new ForbiddenException({ detail: `This needs one of the roles ${roles.join(', ')}` });
  }

  /** Who is calling (a verified token, or a live session and its CSRF header), or 401/403 saying why. */
  async principalOf(request: FastifyRequest): Promise<Principal> {
    const token = bearerTokenOf(request.headers.authorization);
    const sessionId = token ? null : sessionIdOf(request);
    if (sessionId) return this.signedIn(request, sessionId);
    if (!token) throw unauthorized('An Authorization: Bearer <token> header, or a signed-in session, is required');
    let verified: Principal;
    try {
      verified = await this.runtime.tokens.verify(token);
    } catch (error) {
      if (error instanceof AuthenticationError) throw unauthorized(error.reason);
      throw error;
    }
    return this.tokenPrincipal(verified);
  }

  /**
   * DIR4 for API clients: with AUTH_TOKEN_ROLES=directory the token says only who is calling (its verified subject);
   * what they may do — roles, schools — is the directory's, checked the same way as a signed-in person's.
   */
  private async tokenPrincipal(verified: Principal): Promise<Principal> {
    if (this.runtime.config.auth.tokenRoles === 'claims') return verified;
    const principal = await principalFromDirectory(this.runtime, verified.id);
    if (!principal) throw unauthorized(`${verified.id} is not a member of staff in the directory (DIR4): a token names someone the directory knows`);
    return principal;
  }

  /**
   * A request with the session cookie (the console): the session must be live, the person the directory's (DIR4: their
   * roles and schools from there, a person who left no longer acts), and a state-changing request must carry the
   * session's CSRF token — a cookie alone is what another site can make a browser send.
   */
  private async signedIn(request: FastifyRequest, sessionId: string): Promise<Principal> {
    const session = await this.sessions.find(sessionId);
    if (!session) throw unauthorized('The session has ended (signed out, idle or too old): sign in again');
    if (request.method !== 'GET' && request.method !== 'HEAD' && request.headers[CSRF_HEADER] !== session.csrfToken) {
      throw new ForbiddenException({ detail: `A request made with the session cookie needs the session's ${CSRF_HEADER} header` });
    }
    const principal = await principalFromDirectory(this.runtime, session.personId);
    if (!principal) throw unauthorized('You are no longer in the directory as a member of staff (DIR4): ask the board');
    return principal;
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

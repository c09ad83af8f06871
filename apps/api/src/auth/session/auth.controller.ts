import { Body, Controller, ForbiddenException, Get, HttpCode, Inject, NotFoundException, Post, Req, Res, UnauthorizedException } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { findDirectoryPeople, findSchools } from '@casebook/projections';
import { RUNTIME, type Runtime } from '@casebook/runtime';
import { ReadModels } from '../../reads/read-models.http';
import { principalFromDirectory } from './directory-principal';
import { CSRF_HEADER, clearSessionCookie, isLoopback, sessionIdOf, setSessionCookie } from './session-cookie';
import { SessionStore } from './session-store';

/** The page is Dutch: roles in the words the board uses. */
const ROLE_NL: Readonly<Record<string, string>> = { board: 'College van Bestuur', director: 'directie', teacher: 'leerkracht', hr: 'HR', legal: 'juridische zaken' };

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/**
 * Sign-in for people (issue #18, DIR4; api.md revision 2 "Sign-in"): sessions on the server, a cookie in the browser.
 * The development sign-in — pick a directory person — exists only without OIDC_ISSUER_URL and on a loopback address,
 * and says what it is. (The OpenID Connect flow against the board's identity provider is the rest of #18.)
 */
@ApiExcludeController()
@Controller('auth')
export class AuthController {
  constructor(
    @Inject(RUNTIME) private readonly runtime: Runtime,
    private readonly sessions: SessionStore,
    private readonly readModels: ReadModels,
  ) {}

  private developmentSignIn(request: FastifyRequest): boolean {
    return !this.runtime.config.auth.oidcIssuerUrl && isLoopback(request);
  }

  @Get('login')
  async login(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    if (!this.developmentSignIn(request)) {
      if (!this.runtime.config.auth.oidcIssuerUrl) throw new NotFoundException({ detail: 'Sign-in is not configured: set OIDC_ISSUER_URL (the development sign-in is only on a loopback address)' });
      void reply.status(501).type('application/problem+json').send({ type: 'about:blank', title: 'Not Implemented', status: 501, detail: 'Sign-in with the identity provider is not built yet (issue #18)' });
      return;
    }
    const directory = await this.readModels.open('directory', reply);
    const staff = await this.runtime.reveal.reveal(await findDirectoryPeople(directory, { kinds: ['staff'] }));
    const schoolNames = new Map((await findSchools(directory)).map((school) => [school.schoolId, school.name]));
    const today = new Date().toISOString().slice(0, 10);
    const rows = staff
      .filter((person) => !person.leftOn || person.leftOn > today)
      .map((person) => {
        const roles = person.roles.map((role) => `${ROLE_NL[role.role] ?? role.role}${role.schoolId ? `, ${schoolNames.get(role.schoolId) ?? role.schoolId}` : ''}`).join('; ');
        return `<li><form method="post" action="/auth/dev-login"><input type="hidden" name="personId" value="${escapeHtml(person.personId)}"><button type="submit">${escapeHtml(person.name)}</button> <span>${escapeHtml(roles)}</span></form></li>`;
      })
      .join('\n');
    void reply
      .type('text/html; charset=utf-8')
      .header('cache-control', 'no-store')
      .send(
        `<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Casebook — ontwikkelaarsaanmelding</title></head><body><main>` +
          `<h1>Ontwikkelaarsaanmelding</h1><p>Alleen op deze computer en zonder identiteitsprovider (geen OIDC_ISSUER_URL): kies een medewerker uit de directory. Rollen en scholen komen uit de directory.</p>` +
          (rows ? `<ul>${rows}</ul>` : '<p>De directory heeft nog geen medewerkers: <code>npm run cli -- demo seed</code>, of importeer de bestanden van de administratie.</p>') +
          `</main></body></html>`,
      );
  }

  /** The development sign-in's choice (a form post or JSON `{ personId }`). */
  @Post('dev-login')
  @HttpCode(200)
  async devLogin(@Body() body: unknown, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    if (!this.developmentSignIn(request)) throw new NotFoundException({ detail: 'The development sign-in is only on a loopback address without OIDC_ISSUER_URL' });
    const personId = typeof body === 'object' && body !== null ? (body as { personId?: unknown }).personId : undefined;
    if (typeof personId !== 'string' || !/^[A-Za-z0-9_-]{1,64}$/.test(personId)) throw new ForbiddenException({ detail: 'Pick a person of the directory (personId)' });
    const principal = await principalFromDirectory(this.runtime, personId);
    if (!principal) throw new ForbiddenException({ detail: `${personId} is not a member of staff in the directory (DIR4)` });
    const session = await this.sessions.create(personId);
    setSessionCookie(request, reply, session.id);
    this.runtime.logger.info({ personId, via: 'development sign-in' }, 'signed in');
    if (String(request.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded')) {
      void reply.status(303).header('location', '/').send();
      return;
    }
    void reply.send({ personId, name: principal.name, roles: principal.roles, schools: principal.schools, csrfToken: session.csrfToken });
  }

  /** Who is signed in (DIR4: from the directory), and the CSRF token its state-changing requests carry. */
  @Get('me')
  async me(@Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    const sessionId = sessionIdOf(request);
    const session = sessionId ? await this.sessions.find(sessionId) : null;
    if (!session) throw new UnauthorizedException({ detail: 'Not signed in' });
    const principal = await principalFromDirectory(this.runtime, session.personId);
    if (!principal) throw new UnauthorizedException({ detail: 'You are no longer in the directory as a member of staff (DIR4)' });
    void reply.header('cache-control', 'no-store');
    return { personId: principal.id, name: principal.name, roles: principal.roles, schools: principal.schools, csrfToken: session.csrfToken };
  }

  @Post('logout')
  @HttpCode(204)
  async logout(@Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    const sessionId = sessionIdOf(request);
    const session = sessionId ? await this.sessions.find(sessionId) : null;
    if (!sessionId || !session) throw new UnauthorizedException({ detail: 'Not signed in' });
    if (request.headers[CSRF_HEADER] !== session.csrfToken) throw new ForbiddenException({ detail: `Signing out needs the session's ${CSRF_HEADER} header` });
    await this.sessions.revoke(sessionId);
    clearSessionCookie(request, reply);
  }
}

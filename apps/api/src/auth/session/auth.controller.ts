import {
  BadGatewayException,
  Body,
  Controller,
  ForbiddenException,
  Get,
  HttpCode,
  HttpException,
  Inject,
  NotFoundException,
  Post,
  Req,
  Res,
  UnauthorizedException,
} from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { localIsoDateOf } from '@casebook/incidents';
import { findDirectoryPeople, findSchools } from '@casebook/projections';
import { RUNTIME, type Runtime } from '@casebook/runtime';
import { ReadModels } from '../../reads/read-models.http';
import { principalFromDirectory } from './directory-principal';
import { personIdOfClaims } from './identity-of-claims';
import { LoginRefused, OidcSignIn, ProviderUnavailable } from './oidc-sign-in';
import {
  CSRF_HEADER,
  clearLoginCookie,
  clearSessionCookie,
  isLoopback,
  isLoopbackAddress,
  loginIdOf,
  sessionIdOf,
  setLoginCookie,
  setSessionCookie,
} from './session-cookie';
import { SessionStore } from './session-store';
import { ROLE_NL, escapeHtml } from './sign-in-pages';

/**
 * Sign-in for people (issue #18, DIR4; api.md revision 2 "Sign-in"): sessions on the server, a cookie in the browser.
 * The development sign-in — pick a directory person — exists only without OIDC_ISSUER_URL and on a loopback address,
 * and says what it is. With OIDC_ISSUER_URL, `/auth/login` sends the browser to the board's identity provider and
 * `/auth/callback` takes it back (authorization code with PKCE).
 */
@ApiExcludeController()
@Controller('auth')
export class AuthController {
  constructor(
    @Inject(RUNTIME) private readonly runtime: Runtime,
    private readonly sessions: SessionStore,
    private readonly readModels: ReadModels,
  ) {
    const oidc = runtime.config.auth.oidc;
    this.oidc = oidc ? new OidcSignIn(oidc) : undefined;
    this.loopbackOnly = isLoopbackAddress(runtime.config.http.host);
  }

  private readonly oidc: OidcSignIn | undefined;
  /** The server binds to a loopback address only (HOST): the setting decides, never what a request says. */
  private readonly loopbackOnly: boolean;

  /**
   * The development sign-in: only without an identity provider, only on a server that listens on a loopback address
   * only (#31: a Host header of `localhost` sent from elsewhere once signed anyone in), and only when asked for by a
   * loopback name too (a site whose name resolves to 127.0.0.1 — DNS rebinding — does not get it).
   */
  private developmentSignIn(request: FastifyRequest): boolean {
    return !this.oidc && this.loopbackOnly && isLoopback(request);
  }

  @Get('login')
  async login(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    if (this.oidc) return this.loginAtProvider(this.oidc, request, reply);
    if (!this.developmentSignIn(request))
      throw new NotFoundException({ detail: 'Sign-in is not configured: set OIDC_ISSUER_URL (the development sign-in is only on a loopback address)' });
    const directory = await this.readModels.open('directory', reply);
    const staff = await this.runtime.reveal.reveal(await findDirectoryPeople(directory, { kinds: ['staff'] }));
    const schoolNames = new Map((await findSchools(directory)).map((school) => [school.schoolId, school.name]));
    const today = localIsoDateOf(new Date(), this.runtime.writeSide.settings.policy.workingDays.timeZone);
    const rows = staff
      .filter((person) => !person.leftOn || person.leftOn > today)
      .map((person) => {
        const roles = person.roles
          .map((role) => `${ROLE_NL[role.role] ?? role.role}${role.schoolId ? `, ${schoolNames.get(role.schoolId) ?? role.schoolId}` : ''}`)
          .join('; ');
        return `<li><form method="post" action="/auth/dev-login"><input type="hidden" name="personId" value="${escapeHtml(person.personId)}"><button type="submit">${escapeHtml(person.name)}</button> <span>${escapeHtml(roles)}</span></form></li>`;
      })
      .join('\n');
    void reply
      .type('text/html; charset=utf-8')
      .header('cache-control', 'no-store')
      .send(
        `<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Casebook — ontwikkelaarsaanmelding</title></head><body><main>` +
          `<h1>Ontwikkelaarsaanmelding</h1><p>Alleen op deze computer en zonder identiteitsprovider (geen OIDC_ISSUER_URL): kies een medewerker uit de directory. Rollen en scholen komen uit de directory.</p>` +
          (rows
            ? `<ul>${rows}</ul>`
            : '<p>De directory heeft nog geen medewerkers: <code>npm run cli -- demo seed</code>, of importeer de bestanden van de administratie.</p>') +
          `</main></body></html>`,
      );
  }

  private async loginAtProvider(oidc: OidcSignIn, request: FastifyRequest, reply: FastifyReply): Promise<void> {
    let begun: Awaited<ReturnType<OidcSignIn['begin']>>;
    try {
      begun = await oidc.begin();
    } catch (error) {
      this.runtime.logger.error({ err: error }, 'sign-in: the identity provider could not be reached');
      throw new BadGatewayException({ detail: 'The identity provider cannot be reached right now: try again in a moment' });
    }
    setLoginCookie(request, reply, await this.sessions.beginLogin(begun.pending));
    void reply.status(302).header('location', begun.url).header('cache-control', 'no-store').send();
  }

  /**
   * The identity provider sends the browser back here. Everything is checked before anyone is signed in: the login
   * cookie's pending login (once), then state, PKCE, the ID token and its nonce (openid-client), then the directory
   * (DIR4). A refusal is a 4xx that creates no session.
   */
  @Get('callback')
  async callback(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    if (!this.oidc) throw new NotFoundException({ detail: 'Sign-in with an identity provider is not configured (OIDC_ISSUER_URL)' });
    const query = request.url.includes('?') ? request.url.slice(request.url.indexOf('?')) : '';
    try {
      const loginId = loginIdOf(request);
      clearLoginCookie(request, reply);
      const pending = loginId ? await this.sessions.takeLogin(loginId) : null;
      if (!pending) throw new LoginRefused(400, 'This sign-in was not started here, was already used, or took too long: sign in again');
      const claims = await this.oidc.finish(query, pending);
      const directory = await this.readModels.open('directory', reply);
      const personId = await personIdOfClaims(this.runtime, directory, this.runtime.config.auth.oidc!, claims);
      if (typeof personId !== 'string') throw new LoginRefused(403, personId.refused);
      if (!(await principalFromDirectory(this.runtime, personId)))
        throw new LoginRefused(403, 'You are not (or no longer) a member of staff in the directory (DIR4): ask the board');
      const session = await this.sessions.create(personId);
      setSessionCookie(request, reply, session.id);
      this.runtime.logger.info({ personId, via: 'oidc' }, 'signed in');
      void reply.status(303).header('location', '/').header('cache-control', 'no-store').send();
    } catch (error) {
      if (error instanceof LoginRefused) {
        // The reason, never the claims: an e-mail address is personal data.
        this.runtime.logger.warn({ status: error.status, reason: error.reason }, 'sign-in refused');
        return this.signInFailed(request, reply, error.status, error.reason);
      }
      if (error instanceof ProviderUnavailable) {
        this.runtime.logger.error({ err: error }, 'sign-in: the identity provider could not be reached');
        return this.signInFailed(request, reply, 502, 'The identity provider cannot be reached right now: try again in a moment');
      }
      throw error;
    }
  }

  /** A browser gets a page in Dutch with a way back; an API client the problem+json every refusal is. */
  private signInFailed(request: FastifyRequest, reply: FastifyReply, status: number, detail: string): void {
    if (!String(request.headers.accept ?? '').includes('text/html')) throw new HttpException({ detail }, status);
    void reply
      .status(status)
      .type('text/html; charset=utf-8')
      .header('cache-control', 'no-store')
      .send(
        `<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Casebook — aanmelden niet gelukt</title></head><body><main>` +
          `<h1>Aanmelden is niet gelukt</h1><p>Er is niemand aangemeld. <a href="/auth/login">Opnieuw aanmelden</a></p>` +
          `<p lang="en">${escapeHtml(detail)}</p></main></body></html>`,
      );
  }

  /** The development sign-in's choice (a form post or JSON `{ personId }`). */
  @Post('dev-login')
  @HttpCode(200)
  async devLogin(@Body() body: unknown, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    if (!this.developmentSignIn(request))
      throw new NotFoundException({ detail: 'The development sign-in is only on a loopback address without OIDC_ISSUER_URL' });
    // Login CSRF: a page of another site must not sign this browser in as someone. A browser names the page a post
    // comes from (Origin, Sec-Fetch-Site); a client that names none (curl, a test) is not a browser another site drives.
    if (!postedFromOwnPage(request)) throw new ForbiddenException({ detail: 'The development sign-in is posted from its own page (Origin)' });
    const personId = typeof body === 'object' && body !== null ? (body as { personId?: unknown }).personId : undefined;
    if (typeof personId !== 'string' || !/^[A-Za-z0-9_-]{1,64}$/.test(personId))
      throw new ForbiddenException({ detail: 'Pick a person of the directory (personId)' });
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

  /** Ends the session: with the `X-CSRF-Token` header (the console), or a form carrying it as `csrfToken` (a page). */
  @Post('logout')
  @HttpCode(204)
  async logout(@Body() body: unknown, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    const sessionId = sessionIdOf(request);
    const session = sessionId ? await this.sessions.find(sessionId) : null;
    if (!sessionId || !session) throw new UnauthorizedException({ detail: 'Not signed in' });
    const form = String(request.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded');
    const token = form && typeof body === 'object' && body !== null ? (body as { csrfToken?: unknown }).csrfToken : request.headers[CSRF_HEADER];
    if (token !== session.csrfToken) throw new ForbiddenException({ detail: `Signing out needs the session's ${CSRF_HEADER} header` });
    await this.sessions.revoke(sessionId);
    clearSessionCookie(request, reply);
    if (form) void reply.status(303).header('location', '/');
  }
}

/**
 * The post came from a page of this server, or from a client that is not a browser (it names no page at all). A
 * browser says where a request comes from in `Sec-Fetch-Site`; where it does not (an older one), `Origin` must be this
 * server's. `Origin: null` is refused only then: under this server's `Referrer-Policy: no-referrer` a browser sends it
 * for its own same-origin form post too (the console suite caught that), and `Sec-Fetch-Site` says `same-origin`.
 */
function postedFromOwnPage(request: FastifyRequest): boolean {
  const site = request.headers['sec-fetch-site'];
  if (site !== undefined) return site === 'same-origin' || site === 'none';
  const origin = request.headers.origin;
  return origin === undefined || origin === `http://${request.headers.host}` || origin === `https://${request.headers.host}`;
}

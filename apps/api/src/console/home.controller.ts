import { Controller, Get, Inject, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { findSchools } from '@casebook/projections';
import { RUNTIME, type Runtime } from '@casebook/runtime';
import { ReadModels } from '../reads/read-models.http';
import { principalFromDirectory } from '../auth/session/directory-principal';
import { ROLE_NL, escapeHtml } from '../auth/session/sign-in-pages';
import { sessionIdOf } from '../auth/session/session-cookie';
import { SessionStore } from '../auth/session/session-store';

/**
 * `GET /`: where sign-in lands. Until the console (#19) is served here, it says who is signed in — name, roles and
 * schools from the directory (DIR4) — and offers the way out, or the way in.
 */
@ApiExcludeController()
@Controller()
export class HomeController {
  constructor(
    @Inject(RUNTIME) private readonly runtime: Runtime,
    private readonly sessions: SessionStore,
    private readonly readModels: ReadModels,
  ) {}

  @Get()
  async home(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const sessionId = sessionIdOf(request);
    const session = sessionId ? await this.sessions.find(sessionId) : null;
    const principal = session ? await principalFromDirectory(this.runtime, session.personId) : null;
    let body: string;
    if (!session || !principal) {
      body = `<h1>Casebook</h1><p>U bent niet aangemeld.</p><p><a href="/auth/login">Aanmelden</a></p>`;
    } else {
      const schools = new Map((await findSchools(await this.readModels.open('directory', reply))).map((school) => [school.schoolId, school.name]));
      const roles = principal.roles.map((role) => ROLE_NL[role] ?? role).join(', ');
      const schoolNames = principal.schools.map((id) => schools.get(id) ?? id).join(', ');
      body =
        `<h1>Casebook</h1><p>Aangemeld als <strong>${escapeHtml(principal.name ?? principal.id)}</strong> (${escapeHtml(roles)}${schoolNames ? `, ${escapeHtml(schoolNames)}` : ''}).</p>` +
        `<p>De webtoepassing volgt; tot dan werkt u via de API: <a href="/docs">API-documentatie</a>.</p>` +
        `<form method="post" action="/auth/logout"><input type="hidden" name="csrfToken" value="${escapeHtml(session.csrfToken)}"><button type="submit">Afmelden</button></form>`;
    }
    void reply
      .type('text/html; charset=utf-8')
      .header('cache-control', 'no-store')
      .send(`<!doctype html><html lang="nl"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Casebook</title></head><body><main>${body}</main></body></html>`);
  }
}

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LightMyRequestResponse } from 'fastify';
import { ReadModelCatalog } from '@casebook/projections';
import { waitUntil } from '@casebook/testing';
import { describeOnServerStore } from './support/api-harness';

const fixture = (name: string) => readFileSync(join(__dirname, '..', 'fixtures', 'directory', `${name}.csv`), 'utf8');
const cookieOf = (response: LightMyRequestResponse) => String(response.headers['set-cookie'] ?? '').split(';')[0]!;

// Issue #18, DIR4 (api.md revision 2 "Sign-in"): a person signs in (here: the development sign-in, which exists only
// without OIDC_ISSUER_URL on a loopback address) and gets a server-side session; who they are and in which roles at
// which schools comes from the directory; a state-changing request with the cookie needs the CSRF token.
describeOnServerStore('signing in (DIR4)', (api) => {
  let board: string;
  const app = () => api.app();
  const devLogin = (personId: string, host = 'localhost') =>
    app().inject({ method: 'POST', url: '/auth/dev-login', headers: { host, 'content-type': 'application/json' }, payload: JSON.stringify({ personId }) });

  beforeAll(async () => {
    board = await api.token('board-1', ['board'], []);
    for (const kind of ['schools', 'staff', 'pupils'])
      expect((await api.post(`/directory/imports/${kind}`, fixture(kind), board, { 'content-type': 'text/csv' })).statusCode).toBe(200);
    // The sign-in page lists the directory read model: wait until it holds the last person imported (the state, not a time).
    const last = Math.max(
      ...(await Promise.all(
        ['staff-dir-1', 'staff-t-1', 'board-1', 'pupil-3'].map(
          async (id) => (await api.runtime().eventStore.readStream(`directory-person-${id}`)).at(-1)!.globalPosition,
        ),
      )),
    );
    const catalog = api.app().get(ReadModelCatalog);
    await waitUntil(
      async () => (await catalog.position('directory', await catalog.liveVersion('directory'))) >= last,
      'the directory read model to hold the import',
    );
  });

  it("shows the development sign-in on a loopback address, listing the directory's staff, and nowhere else", async () => {
    const page = await app().inject({ method: 'GET', url: '/auth/login', headers: { host: 'localhost:3000' } });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.body).toContain('Ontwikkelaarsaanmelding');
    expect(page.body).toContain('Anna de Vries');
    expect(page.body).not.toContain('Daan Visser'); // pupils do not sign in
    expect((await app().inject({ method: 'GET', url: '/auth/login', headers: { host: 'casebook.example.nl' } })).statusCode).toBe(404);
    expect((await devLogin('staff-dir-1', 'casebook.example.nl')).statusCode).toBe(404);
    // The page's form: a browser posts it and is sent on to the console.
    const form = await app().inject({
      method: 'POST',
      url: '/auth/dev-login',
      headers: { host: 'localhost', 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'personId=staff-dir-1',
    });
    expect([form.statusCode, form.headers['location']]).toEqual([303, '/']);
    expect(String(form.headers['set-cookie'])).toContain('casebook_session=');
  });

  it('signs a staff member in with roles and schools from the directory; the session cookie is HttpOnly and SameSite=Lax', async () => {
    const signedIn = await devLogin('staff-dir-1');
    expect(signedIn.statusCode).toBe(200);
    expect(signedIn.json()).toEqual({
      personId: 'staff-dir-1',
      name: 'Anna de Vries',
      roles: ['director'],
      schools: ['school-1'],
      csrfToken: expect.any(String),
    });
    const setCookie = String(signedIn.headers['set-cookie']);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Lax/);
    expect(setCookie).not.toMatch(/Secure/); // loopback
    const cookie = cookieOf(signedIn);
    const me = await app().inject({ method: 'GET', url: '/auth/me', headers: { cookie } });
    expect(me.json()).toMatchObject({ personId: 'staff-dir-1', roles: ['director'], schools: ['school-1'] });
    expect((await app().inject({ method: 'GET', url: '/work', headers: { cookie } })).statusCode).toBe(200);
    // Roles come from the directory: the director cannot read the board's inspector queue.
    expect((await app().inject({ method: 'GET', url: '/inspector-notifications', headers: { cookie } })).statusCode).toBe(403);
  });

  it('refuses a state-changing request with the cookie but without the CSRF token, and changes nothing', async () => {
    const signedIn = await devLogin('staff-dir-1');
    const cookie = cookieOf(signedIn);
    const body = JSON.stringify({
      type: 'pupil-incident',
      schoolId: 'school-1',
      category: 'cyberbullying',
      occurredAt: '2026-11-03T10:30:00+01:00',
      summary: 'Berichten',
      involved: [{ personId: 'pupil-1', personKind: 'pupil', role: 'perpetrator' }],
    });
    const before = await api.eventCount();
    const refused = await app().inject({ method: 'POST', url: '/incidents', headers: { cookie, 'content-type': 'application/json' }, payload: body });
    expect(refused.statusCode).toBe(403);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    const wrong = await app().inject({
      method: 'POST',
      url: '/incidents',
      headers: { cookie, 'content-type': 'application/json', 'x-csrf-token': 'not-it' },
      payload: body,
    });
    expect(wrong.statusCode).toBe(403);
    expect(await api.eventCount()).toBe(before);
    const reported = await app().inject({
      method: 'POST',
      url: '/incidents',
      headers: { cookie, 'content-type': 'application/json', 'x-csrf-token': signedIn.json().csrfToken },
      payload: body,
    });
    expect(reported.statusCode).toBe(201);
    // The event names the signed-in person as the actor.
    const [event] = await api.runtime().eventStore.readStream(`pupil-incident-${reported.json().id}`);
    expect(event!.metadata).toMatchObject({ actorId: 'staff-dir-1', actorRole: 'director' });
  });

  it('refuses someone the directory does not have as staff, an ended session, and a person who left', async () => {
    expect((await devLogin('pupil-1')).statusCode).toBe(403);
    expect((await devLogin('nobody-here')).statusCode).toBe(403);
    expect((await devLogin('../etc')).statusCode).toBe(403);

    // Logout ends it: the cookie no longer signs anyone in.
    const signedIn = await devLogin('staff-t-1');
    const cookie = cookieOf(signedIn);
    expect((await app().inject({ method: 'POST', url: '/auth/logout', headers: { cookie } })).statusCode).toBe(403); // no CSRF token
    expect((await app().inject({ method: 'POST', url: '/auth/logout', headers: { cookie, 'x-csrf-token': signedIn.json().csrfToken } })).statusCode).toBe(204);
    expect((await app().inject({ method: 'GET', url: '/work', headers: { cookie } })).statusCode).toBe(401);
    expect((await app().inject({ method: 'GET', url: '/auth/me', headers: { cookie } })).statusCode).toBe(401);

    // Idle too long: the session's last use moved back past the idle limit (the state, not a wait).
    const idle = await devLogin('staff-t-1');
    await api.runtime().sql.query("UPDATE auth_sessions SET last_seen_at = now() - interval '2 hours' WHERE person_id = 'staff-t-1' AND revoked_at IS NULL");
    expect((await app().inject({ method: 'GET', url: '/work', headers: { cookie: cookieOf(idle) } })).statusCode).toBe(401);

    // The directory says the teacher left: their live session no longer acts.
    const live = await devLogin('staff-t-1');
    expect((await app().inject({ method: 'GET', url: '/work', headers: { cookie: cookieOf(live) } })).statusCode).toBe(200);
    const left = fixture('staff').replace('teacher@school-1;2021-08-01;', 'teacher@school-1;2021-08-01;2026-01-31');
    expect((await api.post('/directory/imports/staff', left, board, { 'content-type': 'text/csv' })).json()).toMatchObject({ left: 1 });
    expect((await app().inject({ method: 'GET', url: '/work', headers: { cookie: cookieOf(live) } })).statusCode).toBe(401);
    expect((await devLogin('staff-t-1')).statusCode).toBe(403);
  });

  it('lands on a page saying who is signed in, from the directory, with a form to sign out that needs the CSRF token', async () => {
    const signedIn = await devLogin('staff-dir-1');
    const cookie = cookieOf(signedIn);
    const home = await app().inject({ method: 'GET', url: '/', headers: { cookie } });
    expect([home.statusCode, home.headers['cache-control']]).toEqual([200, 'no-store']);
    expect(home.body).toContain('<div id="root">'); // the console (npm run build), which asks /auth/me who this is
    const form = (csrfToken: string) =>
      app().inject({
        method: 'POST',
        url: '/auth/logout',
        headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
        payload: `csrfToken=${csrfToken}`,
      });
    expect((await form('not-it')).statusCode).toBe(403);
    expect((await app().inject({ method: 'GET', url: '/auth/me', headers: { cookie } })).statusCode).toBe(200);
    const out = await form(signedIn.json().csrfToken);
    expect([out.statusCode, out.headers['location']]).toEqual([303, '/']);
    expect((await app().inject({ method: 'GET', url: '/auth/me', headers: { cookie } })).statusCode).toBe(401);
    // A form body is for the sign-in pages only: anywhere else it is 415.
    expect(
      (
        await app().inject({
          method: 'POST',
          url: '/incidents',
          headers: { cookie: cookieOf(await devLogin('staff-dir-1')), 'content-type': 'application/x-www-form-urlencoded' },
          payload: 'type=pupil-incident',
        })
      ).statusCode,
    ).toBe(415);
  });

  it('refuses a sign-in posted from another site (login CSRF), and starts no session (#31)', async () => {
    const posted = (headers: Record<string, string>) =>
      app().inject({
        method: 'POST',
        url: '/auth/dev-login',
        headers: { host: 'localhost:3000', 'content-type': 'application/x-www-form-urlencoded', ...headers },
        payload: 'personId=board-1',
      });
    const sessions = async () => (await api.runtime().sql.query<{ n: number }>('SELECT count(*)::int AS n FROM auth_sessions'))[0]!.n;
    const before = await sessions();
    for (const headers of <Record<string, string>[]>[
      { origin: 'http://evil.example' },
      { origin: 'null' },
      { origin: 'http://localhost:3001' },
      { 'sec-fetch-site': 'cross-site' },
      { 'sec-fetch-site': 'same-site' },
    ]) {
      const refused = await posted(headers);
      expect([JSON.stringify(headers), refused.statusCode, refused.headers['set-cookie']]).toEqual([JSON.stringify(headers), 403, undefined]);
    }
    expect(await sessions()).toBe(before);
    // Its own page signs in: what Chromium sends for the form of /auth/login under Referrer-Policy: no-referrer.
    const ownNoReferrer = await posted({ origin: 'null', 'sec-fetch-site': 'same-origin' });
    expect([ownNoReferrer.statusCode, ownNoReferrer.headers['location']]).toEqual([303, '/']);
    const own = await posted({ origin: 'http://localhost:3000', 'sec-fetch-site': 'same-origin' });
    expect([own.statusCode, own.headers['location']]).toEqual([303, '/']);
  });

  it('keeps bearer tokens working for API clients', async () => {
    expect((await api.get('/work', board)).statusCode).toBe(200);
    expect((await app().inject({ method: 'GET', url: '/work', headers: { cookie: 'casebook_session=not-a-session-id-at-all' } })).statusCode).toBe(401);
  });
});

// #31, item 1: the development sign-in is decided by the address the server listens on, never by what a request
// says. Bound to every address (HOST=0.0.0.0) it is not there, not even for a request that says `Host: localhost`.
describeOnServerStore(
  'signing in on a server bound to every address (HOST=0.0.0.0)',
  (api) => {
    it('offers no development sign-in, whatever Host the request names (#31)', async () => {
      const board = await api.token('board-1', ['board'], []);
      expect((await api.post('/directory/imports/schools', fixture('schools'), board, { 'content-type': 'text/csv' })).statusCode).toBe(200);
      expect((await api.post('/directory/imports/staff', fixture('staff'), board, { 'content-type': 'text/csv' })).statusCode).toBe(200);
      for (const host of ['localhost', 'localhost:3000', '127.0.0.1', '[::1]:3000']) {
        const page = await api.app().inject({ method: 'GET', url: '/auth/login', headers: { host } });
        expect([host, page.statusCode]).toEqual([host, 404]);
        const login = await api.app().inject({
          method: 'POST',
          url: '/auth/dev-login',
          headers: { host, 'content-type': 'application/x-www-form-urlencoded' },
          payload: 'personId=board-1',
        });
        expect([host, login.statusCode, login.headers['set-cookie']]).toEqual([host, 404, undefined]);
      }
    });
  },
  { env: { HOST: '0.0.0.0' } },
);

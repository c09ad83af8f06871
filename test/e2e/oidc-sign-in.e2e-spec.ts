import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LightMyRequestResponse } from 'fastify';
import { ReadModelCatalog } from '@casebook/projections';
import { waitUntil } from '@casebook/testing';
import { type ApiHarness, describeOnServerStore } from './support/api-harness';
import { OIDC_CLIENT_ID, OIDC_CLIENT_SECRET, OIDC_REDIRECT_URL, OidcTestProvider, type TestAccount } from './support/oidc-test-provider';

const fixture = (name: string) => readFileSync(join(__dirname, '..', 'fixtures', 'directory', `${name}.csv`), 'utf8');
const API_ORIGIN = new URL(OIDC_REDIRECT_URL).origin;
const cookiesOf = (response: LightMyRequestResponse): string[] => {
  const header = response.headers['set-cookie'];
  return (Array.isArray(header) ? header : header ? [header] : []).map(String);
};
const cookieNamed = (response: LightMyRequestResponse, name: string) => cookiesOf(response).find((cookie) => cookie.startsWith(`${name}=`));
const pairOf = (setCookie: string | undefined) => (setCookie ?? '').split(';')[0]!;

/** Ways a test plays the attacker between the browser and the two servers. */
interface Tamper {
  /** the authorization request on its way to the provider */
  readonly authorize?: (url: URL) => void;
  /** the provider's redirect back, on its way to the callback */
  readonly callback?: (url: URL) => void;
  /** the login cookie the browser sends to the callback (default: the one /auth/login set) */
  readonly loginCookie?: (cookie: string) => string;
  /** what else the browser sends to the callback */
  readonly callbackHeaders?: Record<string, string>;
}

/**
 * A browser: GET /auth/login on the api, follow the redirects through the real provider (keeping its cookies),
 * come back to /auth/callback with the login cookie. Returns the callback's answer.
 */
async function signIn(api: ApiHarness, provider: OidcTestProvider, account: TestAccount, tamper: Tamper = {}): Promise<LightMyRequestResponse> {
  provider.signInAs(account);
  const login = await api.app().inject({ method: 'GET', url: '/auth/login', headers: { host: 'localhost:3000' } });
  expect(login.statusCode).toBe(302);
  const loginCookie = pairOf(cookieNamed(login, 'casebook_login'));
  let url = new URL(String(login.headers['location']));
  tamper.authorize?.(url);
  const jar = new Map<string, string>();
  for (let hops = 0; url.origin !== API_ORIGIN; hops += 1) {
    if (hops > 10) throw new Error('the provider redirected more than ten times');
    const response = await fetch(url, { redirect: 'manual', headers: { cookie: [...jar].map(([name, value]) => `${name}=${value}`).join('; ') } });
    for (const setCookie of response.headers.getSetCookie()) {
      const [name, value] = setCookie.split(';')[0]!.split(/=(.*)/s);
      jar.set(name!, value ?? '');
    }
    const location = response.headers.get('location');
    if (!location) throw new Error(`the provider answered ${response.status} without a redirect: ${(await response.text()).slice(0, 300)}`);
    url = new URL(location, url);
  }
  tamper.callback?.(url);
  const cookie = tamper.loginCookie ? tamper.loginCookie(loginCookie) : loginCookie;
  return api.app().inject({
    method: 'GET',
    url: `${url.pathname}${url.search}`,
    headers: { host: 'localhost:3000', ...tamper.callbackHeaders, ...(cookie ? { cookie } : {}) },
  });
}

const director: TestAccount = { sub: 'idp-anna', email: 'A.deVries@example.nl', email_verified: true, name: 'Anna de Vries' };
const teacher: TestAccount = { sub: 'idp-bram', email: 'b.jansen@example.nl', email_verified: true };

async function importDirectory(api: ApiHarness): Promise<void> {
  const board = await api.token('board-1', ['board'], []);
  for (const kind of ['schools', 'staff'])
    expect((await api.post(`/directory/imports/${kind}`, fixture(kind), board, { 'content-type': 'text/csv' })).statusCode).toBe(200);
  // Sign-in looks e-mail addresses up in the directory read model: wait until it holds the last person imported.
  const last = Math.max(
    ...(await Promise.all(
      ['staff-dir-1', 'staff-t-1', 'board-1'].map(async (id) => (await api.runtime().eventStore.readStream(`directory-person-${id}`)).at(-1)!.globalPosition),
    )),
  );
  const catalog = api.app().get(ReadModelCatalog);
  await waitUntil(
    async () => (await catalog.position('directory', await catalog.liveVersion('directory'))) >= last,
    'the directory read model to hold the import',
  );
}

const sessionCount = async (api: ApiHarness) => (await api.runtime().sql.query<{ n: number }>('SELECT count(*)::int AS n FROM auth_sessions'))[0]!.n;

/** A refused sign-in: a 4xx, problem+json, no session cookie, no session row. */
async function expectRefusedSignIn(api: ApiHarness, answer: Promise<LightMyRequestResponse>, status: number, detail: RegExp): Promise<void> {
  const before = await sessionCount(api);
  const response = await answer;
  expect([response.statusCode, response.json().detail]).toEqual([status, expect.stringMatching(detail)]);
  expect(response.headers['content-type']).toContain('application/problem+json');
  expect(cookieNamed(response, 'casebook_session')).toBeUndefined();
  expect(await sessionCount(api)).toBe(before);
}

// Issue #18, DIR4 (api.md revision 2 "Sign-in"): signing in with the board's identity provider — OpenID Connect,
// authorization code with PKCE — against a real provider started here on loopback. The identity is matched with a
// member of staff of the directory, whose roles and schools apply.
describe('signing in with an OpenID provider (DIR4)', () => {
  const provider = new OidcTestProvider();
  beforeAll(() => provider.start());
  afterAll(() => provider.stop());
  const oidcEnv = () => ({ OIDC_ISSUER_URL: provider.issuer, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET, OIDC_REDIRECT_URL });

  describeOnServerStore(
    'by e-mail address',
    (api) => {
      beforeAll(() => importDirectory(api));

      it('signs a director in: code flow with PKCE (S256), state and nonce; a session cookie; roles and schools from the directory', async () => {
        const login = await api.app().inject({ method: 'GET', url: '/auth/login', headers: { host: 'localhost:3000' } });
        const authorize = new URL(String(login.headers['location']));
        expect(authorize.origin).toBe(provider.issuer);
        expect(
          Object.fromEntries(['response_type', 'client_id', 'redirect_uri', 'code_challenge_method'].map((name) => [name, authorize.searchParams.get(name)])),
        ).toEqual({
          response_type: 'code',
          client_id: OIDC_CLIENT_ID,
          redirect_uri: OIDC_REDIRECT_URL,
          code_challenge_method: 'S256',
        });
        for (const name of ['state', 'nonce', 'code_challenge']) expect(authorize.searchParams.get(name)).toMatch(/^[A-Za-z0-9_-]{40,}$/);
        expect(cookieNamed(login, 'casebook_login')).toMatch(/HttpOnly/);

        const callback = await signIn(api, provider, director);
        expect([callback.statusCode, callback.headers['location']]).toEqual([303, '/']);
        const session = cookieNamed(callback, 'casebook_session');
        expect(session).toMatch(/HttpOnly/);
        expect(session).toMatch(/SameSite=Lax/);
        expect(session).not.toMatch(/Secure/); // loopback
        expect(cookieNamed(callback, 'casebook_login')).toMatch(/^casebook_login=;/); // the login is over
        const cookie = pairOf(session);
        const me = await api.app().inject({ method: 'GET', url: '/auth/me', headers: { cookie } });
        expect(me.json()).toMatchObject({ personId: 'staff-dir-1', name: 'Anna de Vries', roles: ['director'], schools: ['school-1'] });
        expect((await api.app().inject({ method: 'GET', url: '/work', headers: { cookie } })).statusCode).toBe(200);
        expect((await api.app().inject({ method: 'GET', url: '/inspector-notifications', headers: { cookie } })).statusCode).toBe(403);
        // Who signed in is logged by person id, not by the provider's claims.
        expect(api.logs()).toContain('"personId":"staff-dir-1","via":"oidc"');
        expect(api.logs()).not.toContain('A.deVries@example.nl');
      });

      it('refuses an answer whose state is not the one this browser was sent with', async () => {
        await expectRefusedSignIn(api, signIn(api, provider, director, { callback: (url) => url.searchParams.set('state', 'x'.repeat(43)) }), 400, /state/);
      });

      it('refuses an ID token whose nonce is not the one this login sent', async () => {
        await expectRefusedSignIn(api, signIn(api, provider, director, { authorize: (url) => url.searchParams.set('nonce', 'n'.repeat(43)) }), 400, /nonce/);
      });

      it('refuses a code redeemed with a PKCE verifier that does not match the challenge the provider saw', async () => {
        // Another challenge at the provider (an attacker's): our verifier no longer matches it, the provider refuses the code.
        await expectRefusedSignIn(
          api,
          signIn(api, provider, director, { authorize: (url) => url.searchParams.set('code_challenge', 'c'.repeat(43)) }),
          401,
          /invalid_grant/,
        );
      });

      it('refuses a callback without its login cookie, with another, or a second time', async () => {
        await expectRefusedSignIn(api, signIn(api, provider, director, { loginCookie: () => '' }), 400, /not started here/);
        await expectRefusedSignIn(
          api,
          signIn(api, provider, director, { loginCookie: () => 'casebook_login=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' }),
          400,
          /not started here/,
        );
        let replay = '';
        const first = await signIn(api, provider, director, {
          callback: (url) => void (replay = `${url.pathname}${url.search}`),
          loginCookie: (cookie) => ((replay += `|${cookie}`), cookie),
        });
        expect(first.statusCode).toBe(303);
        const [path, cookie] = replay.split('|');
        await expectRefusedSignIn(
          api,
          api.app().inject({ method: 'GET', url: path!, headers: { host: 'localhost:3000', cookie: cookie! } }),
          400,
          /already used/,
        );
        await expectRefusedSignIn(
          api,
          api.app().inject({ method: 'GET', url: '/auth/callback?code=%3Cscript%3E&state=%00', headers: { host: 'localhost:3000' } }),
          400,
          /not started here/,
        );
      });

      it('refuses an identity the directory has no member of staff for, and an address the provider did not verify', async () => {
        await expectRefusedSignIn(
          api,
          signIn(api, provider, { sub: 'idp-stranger', email: 'stranger@example.nl', email_verified: true }),
          403,
          /not a member of staff in the directory/,
        );
        await expectRefusedSignIn(api, signIn(api, provider, { ...director, sub: 'idp-unverified', email_verified: false }), 403, /not verified/);
        await expectRefusedSignIn(api, signIn(api, provider, { sub: 'idp-nobody' }), 403, /did not say who you are/);
        // A browser is shown a page in Dutch with the way back, and still no session.
        const before = await sessionCount(api);
        const page = await signIn(
          api,
          provider,
          { sub: 'idp-stranger', email: 'stranger@example.nl' },
          { callbackHeaders: { accept: 'text/html,application/xhtml+xml' } },
        );
        expect([page.statusCode, page.headers['content-type']]).toEqual([403, expect.stringContaining('text/html')]);
        expect(page.body).toContain('Aanmelden is niet gelukt');
        expect(page.body).toContain('href="/auth/login"');
        expect(cookieNamed(page, 'casebook_session')).toBeUndefined();
        expect(await sessionCount(api)).toBe(before);
      });

      it('ends a session that is too old, and needs the CSRF token for a change', async () => {
        const cookie = pairOf(cookieNamed(await signIn(api, provider, teacher), 'casebook_session'));
        const me = await api.app().inject({ method: 'GET', url: '/auth/me', headers: { cookie } });
        const body = JSON.stringify({
          type: 'pupil-incident',
          schoolId: 'school-1',
          category: 'cyberbullying',
          occurredAt: '2026-11-03T10:30:00+01:00',
          summary: 'Berichten',
          involved: [{ personId: 'pupil-1', personKind: 'pupil', role: 'perpetrator' }],
        });
        const before = await api.eventCount();
        const refused = await api.app().inject({ method: 'POST', url: '/incidents', headers: { cookie, 'content-type': 'application/json' }, payload: body });
        expect([refused.statusCode, refused.headers['content-type']]).toEqual([403, expect.stringContaining('application/problem+json')]);
        expect(await api.eventCount()).toBe(before);
        expect(
          (
            await api.app().inject({
              method: 'POST',
              url: '/incidents',
              headers: { cookie, 'content-type': 'application/json', 'x-csrf-token': me.json().csrfToken },
              payload: body,
            })
          ).statusCode,
        ).toBe(201);
        // Past the absolute limit (SESSION_ABSOLUTE_HOURS, 12): moved back in the table, the state rather than a wait.
        await api.runtime().sql.query("UPDATE auth_sessions SET created_at = now() - interval '13 hours' WHERE person_id = 'staff-t-1'");
        expect((await api.app().inject({ method: 'GET', url: '/auth/me', headers: { cookie } })).statusCode).toBe(401);
        expect((await api.app().inject({ method: 'GET', url: '/work', headers: { cookie } })).statusCode).toBe(401);
      });

      it('stops a person who left (the directory) from acting, and from signing in again', async () => {
        const cookie = pairOf(cookieNamed(await signIn(api, provider, teacher), 'casebook_session'));
        expect((await api.app().inject({ method: 'GET', url: '/work', headers: { cookie } })).statusCode).toBe(200);
        const board = await api.token('board-1', ['board'], []);
        const left = fixture('staff').replace('teacher@school-1;2021-08-01;', 'teacher@school-1;2021-08-01;2026-01-31');
        expect((await api.post('/directory/imports/staff', left, board, { 'content-type': 'text/csv' })).json()).toMatchObject({ left: 1 });
        expect((await api.app().inject({ method: 'GET', url: '/work', headers: { cookie } })).statusCode).toBe(401);
        // Refused by the directory read model once it has the leaving date, or — while it catches up with the import —
        // by the directory's own stream a moment later: 403 naming DIR4 either way, and no session.
        await expectRefusedSignIn(api, signIn(api, provider, teacher), 403, /member of staff in the directory \(DIR4\)/);
      });

      it('has no development sign-in once an identity provider is configured', async () => {
        const devLogin = await api.app().inject({
          method: 'POST',
          url: '/auth/dev-login',
          headers: { host: 'localhost', 'content-type': 'application/json' },
          payload: JSON.stringify({ personId: 'staff-dir-1' }),
        });
        expect(devLogin.statusCode).toBe(404);
      });
    },
    { env: oidcEnv, captureLogs: true },
  );

  describeOnServerStore(
    'by subject, matched with the person id (OIDC_IDENTITY_CLAIM=sub, OIDC_IDENTITY_MATCHES=person-id)',
    (api) => {
      beforeAll(() => importDirectory(api));

      it('signs in the member of staff whose person id the provider gives as subject, and nobody else', async () => {
        const callback = await signIn(api, provider, { sub: 'board-1' });
        expect(callback.statusCode).toBe(303);
        const me = await api.app().inject({ method: 'GET', url: '/auth/me', headers: { cookie: pairOf(cookieNamed(callback, 'casebook_session')) } });
        expect(me.json()).toMatchObject({ personId: 'board-1', roles: ['board'] });
        // The e-mail address alone no longer signs anyone in.
        await expectRefusedSignIn(api, signIn(api, provider, director), 403, /not \(or no longer\) a member of staff/);
      });
    },
    { env: () => ({ ...oidcEnv(), OIDC_IDENTITY_CLAIM: 'sub', OIDC_IDENTITY_MATCHES: 'person-id' }) },
  );

  describeOnServerStore(
    'while the provider cannot be reached',
    (api) => {
      it('answers 502 at /auth/login, not 500, and signs nobody in', async () => {
        const login = await api.app().inject({ method: 'GET', url: '/auth/login', headers: { host: 'localhost:3000' } });
        expect([login.statusCode, login.headers['content-type']]).toEqual([502, expect.stringContaining('application/problem+json')]);
        expect(cookieNamed(login, 'casebook_login')).toBeUndefined();
      });
    },
    // Port 9 (discard) on loopback: nothing listens there.
    { env: () => ({ ...oidcEnv(), OIDC_ISSUER_URL: 'http://127.0.0.1:9' }) },
  );
});

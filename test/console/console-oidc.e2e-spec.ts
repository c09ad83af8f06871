import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { describeWithService } from '@casebook/testing';
import { describeOnServerStore } from '../e2e/support/api-harness';
import { OIDC_CLIENT_ID, OIDC_CLIENT_SECRET, OidcTestProvider } from '../e2e/support/oidc-test-provider';
import { caughtUp, expectAccessible, launch, newContext, openMenu } from './support/browser';

const fixture = (name: string) => readFileSync(join(__dirname, '..', 'fixtures', 'directory', `${name}.csv`), 'utf8');

/** A loopback port nobody holds: the provider must know the callback's port before the api listens on it. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

// Issue #19: once through the real OpenID provider of #18 (oidc-provider on loopback), in the browser: the console's
// "Aanmelden" goes to the provider, which sends the browser back to /auth/callback with a code; the api exchanges it
// (PKCE, state, nonce), finds the director in the directory by e-mail (DIR4) and the console greets her by name.
describeWithService('chromium', 'the console, signed in through the OpenID provider', (chromiumPath) => {
  const provider = new OidcTestProvider();
  let port = 0;
  beforeAll(async () => {
    port = await freePort();
    await provider.start([`http://127.0.0.1:${port}/auth/callback`]);
  });
  afterAll(() => provider.stop());

  describeOnServerStore(
    'a director',
    (api) => {
      let browser: Browser;
      beforeAll(async () => {
        const board = await api.token('board-1', ['board'], []);
        let last = 0;
        for (const kind of ['schools', 'staff']) {
          const imported = await api.post(`/directory/imports/${kind}`, fixture(kind), board, { 'content-type': 'text/csv' });
          expect(imported.statusCode).toBe(200);
          last = Math.max(last, imported.json().position as number);
        }
        await caughtUp(api, last, ['directory']);
        await api.app().listen({ port, host: '127.0.0.1' });
        browser = await launch(chromiumPath);
      });
      afterAll(async () => {
        await browser?.close();
      });

      it('signs in at the provider and lands on her Vandaag, with her school from the directory; signing out ends the session and says so', async () => {
        const base = `http://127.0.0.1:${port}`;
        const { context, page, errors } = await newContext(browser);
        provider.signInAs({ sub: 'idp-anna', email: 'a.devries@example.nl', email_verified: true, name: 'Anna de Vries' });
        // Not signed in, the console sends the browser to /auth/login, which sends it to the provider.
        await page.goto(`${base}/`);
        await page.waitForURL(`${base}/`);
        await page.getByText('Aangemeld als Anna de Vries').waitFor();
        await page.getByRole('heading', { level: 1, name: 'Vandaag' }).waitFor();
        await expectAccessible(page, '24-aangemeld-via-identiteitsprovider');
        await openMenu(page, 'Zaken');
        await page.getByRole('button', { name: 'Afmelden' }).click();
        await page.getByRole('heading', { level: 1, name: 'U bent afgemeld' }).waitFor();
        expect((await page.context().request.get(`${base}/auth/me`)).status()).toBe(401);
        await expectAccessible(page, '25-afgemeld');
        // The provider still knows her: signing in again takes one click and no password.
        await page.getByRole('link', { name: 'Opnieuw aanmelden' }).click();
        await page.getByText('Aangemeld als Anna de Vries').waitFor();
        expect(errors).toEqual([]);
        await context.close();
      });
    },
    { env: () => ({ OIDC_ISSUER_URL: provider.issuer, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET, OIDC_REDIRECT_URL: `http://127.0.0.1:${port}/auth/callback` }) },
  );
});

import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, type Page, chromium } from 'playwright-core';
import { ReadModelCatalog } from '@casebook/projections';
import { describeWithService, waitUntil } from '@casebook/testing';
import { type ApiHarness, describeOnEmbeddedStore } from '../e2e/support/api-harness';

const fixture = (name: string) => readFileSync(join(__dirname, '..', 'fixtures', 'directory', `${name}.csv`), 'utf8');
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
/** Screenshots of every page, to look at (not committed). */
const SHOTS = join(__dirname, '..', '..', 'test-results', 'console');

/** The flags that keep Chromium off the network and quiet on a shared machine (issue #19). */
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/** axe-core on the page as it stands: WCAG 2.1 A and AA; a serious or critical violation fails. */
async function expectAccessible(page: Page, name: string): Promise<void> {
  await page.addScriptTag({ content: AXE });
  const violations = await page.evaluate(async () => {
    const result = await (globalThis as unknown as { axe: { run: (options: object) => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe.run({
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, targets: v.nodes.map((node) => node.target.join(' ')).slice(0, 3) }));
  });
  expect({ page: name, violations: violations.filter((v) => v.impact === 'serious' || v.impact === 'critical') }).toEqual({ page: name, violations: [] });
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

async function reportIncident(api: ApiHarness, director: string, summary: string): Promise<{ id: string; position: number }> {
  const body = { type: 'pupil-incident', schoolId: 'school-1', category: 'cyberbullying', occurredAt: '2026-11-03T10:30:00+01:00', summary, involved: [{ personId: 'pupil-1', personKind: 'pupil', role: 'perpetrator', displayName: 'Daan Visser' }] };
  const reported = await api.post('/incidents', body, director);
  expect(reported.statusCode).toBe(201);
  return reported.json();
}

// Issue #19: the console in a real browser (Debian's Chromium through playwright-core), against the built app
// (`npm run build` puts it in dist/console) on the embedded store, signed in through the development sign-in.
describeWithService('chromium', 'the console in Chromium', (chromiumPath) => {
  describeOnEmbeddedStore('a director', (api) => {
    let browser: Browser;
    let base: string;
    let cases: { id: string; position: number }[];

    beforeAll(async () => {
      mkdirSync(SHOTS, { recursive: true });
      const board = await api.token('board-1', ['board'], []);
      for (const kind of ['schools', 'staff', 'pupils']) expect((await api.post(`/directory/imports/${kind}`, fixture(kind), board, { 'content-type': 'text/csv' })).statusCode).toBe(200);
      const director = await api.token('staff-dir-1', ['director'], ['school-1']);
      cases = [await reportIncident(api, director, 'Berichten in de groepsapp'), await reportIncident(api, director, 'Foto gedeeld zonder toestemming')];
      // The pages read read models: wait until the caseload and the directory hold what was just written.
      const catalog = api.app().get(ReadModelCatalog);
      const last = Math.max(...cases.map((c) => c.position));
      for (const model of ['caseload', 'directory', 'case-timeline']) await waitUntil(async () => (await catalog.position(model, await catalog.liveVersion(model))) >= last, `the ${model} read model`);
      await api.app().listen({ port: 0, host: '127.0.0.1' });
      base = `http://127.0.0.1:${(api.app().getHttpServer().address() as { port: number }).port}`;
      browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: CHROMIUM_ARGS });
    });
    afterAll(async () => {
      await browser?.close();
    });

    it('signs in, sees "Vandaag", the caseload and a case; records a scope assessment; a stale change keeps what was typed', async () => {
      // bypassCSP: only so the test can inject axe-core; the app itself runs under the api's CSP (script-src 'self').
      const context = await browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 900 }, locale: 'nl-NL', timezoneId: 'UTC' });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));

      await page.goto(`${base}/auth/login`);
      await expectAccessible(page, '01-ontwikkelaarsaanmelding');
      await page.getByRole('button', { name: 'Anna de Vries' }).click();
      await page.waitForURL(`${base}/`);
      await expect(page.getByRole('heading', { level: 1, name: 'Vandaag' }).isVisible()).resolves.toBe(true);
      await page.getByText('Aangemeld als Anna de Vries (directie)').waitFor();
      await page.locator('table, p:has-text("Er wacht niets op u.")').first().waitFor();
      await expectAccessible(page, '02-vandaag');

      await page.getByRole('link', { name: 'Zaken' }).click();
      await page.getByRole('heading', { level: 1, name: 'Zaken' }).waitFor();
      await page.locator('tbody tr').nth(1).waitFor();
      expect(await page.locator('tbody tr').count()).toBe(2);
      expect(page.url()).toBe(`${base}/zaken`); // nothing personal in the address
      await expectAccessible(page, '03-zaken');

      await page.locator('tbody tr').first().getByRole('link').click();
      await page.getByRole('heading', { level: 1, name: /^Zaak \d{4}-\d{4}$/ }).waitFor();
      expect(page.url()).toMatch(/\/zaken\/[0-9a-f-]{36}$/);
      await page.getByText('Foto gedeeld zonder toestemming').waitFor();
      await page.locator('ol.timeline li').first().waitFor();
      expect(await page.locator('ol.timeline li').first().textContent()).toContain('Incident gemeld (cyberpesten)');
      await expectAccessible(page, '04-zaak');

      // A command as a form: the scope assessment (SC2's), through the API with the session's CSRF token.
      await page.getByLabel('Onderbouwing').fill('Berichten verstuurd in de groepsapp van de klas');
      await page.getByRole('button', { name: 'Beoordeling vastleggen' }).click();
      await page.locator('dd', { hasText: /^ja$/ }).waitFor();
      await page.locator('ol.timeline li').nth(1).waitFor();

      // Someone else changes the case meanwhile: the close sent with the old ETag is refused (412) and the text stays.
      const caseId = page.url().split('/').pop()!;
      const board = await api.token('board-1', ['board'], []);
      expect((await api.post(`/incidents/${caseId}/evidence`, { description: 'Schermafdruk', sha256: 'a'.repeat(64), mediaType: 'image/png' }, board)).statusCode).toBe(201);
      await page.getByLabel('Afloop').fill('Gesprek met de ouders gevoerd');
      await page.getByRole('button', { name: 'Zaak sluiten' }).click();
      await page.getByRole('alert').waitFor();
      expect(await page.getByLabel('Afloop').inputValue()).toBe('Gesprek met de ouders gevoerd');
      await page.screenshot({ path: join(SHOTS, '05-zaak-412.png'), fullPage: true });

      // English by choice.
      await page.getByRole('button', { name: 'English' }).click();
      await page.getByRole('heading', { level: 2, name: 'Timeline' }).waitFor();
      await expectAccessible(page, '06-case-en');
      expect(errors).toEqual([]);
      await context.close();
    });

    it('serves the pages with Cache-Control: no-store and the scripts under the same origin', async () => {
      const page = await fetch(`${base}/zaken/${cases[0]!.id}`);
      expect([page.status, page.headers.get('cache-control')]).toEqual([200, 'no-store']);
      const script = /src="(\/assets\/[^"]+\.js)"/.exec(await page.text())![1]!;
      const asset = await fetch(`${base}${script}`);
      expect([asset.status, asset.headers.get('content-type')]).toEqual([200, expect.stringContaining('javascript')]);
    });
  });
});

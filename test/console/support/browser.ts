import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, type BrowserContext, type Page, chromium } from 'playwright-core';
import { ReadModelCatalog } from '@casebook/projections';
import { waitUntil } from '@casebook/testing';
import type { ApiHarness } from '../../e2e/support/api-harness';
import { CHROMIUM_ARGS } from './chromium-args';

const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
/** Screenshots of every page, to look at (not committed). */
export const SHOTS = join(__dirname, '..', '..', '..', 'test-results', 'console');

export async function launch(executablePath: string): Promise<Browser> {
  mkdirSync(SHOTS, { recursive: true });
  return chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });
}

/** A fresh browser profile; the phone size for a teacher in the corridor. Times shown in Amsterdam whatever its zone. */
export async function newContext(browser: Browser, size: 'desktop' | 'phone' = 'desktop'): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  // bypassCSP: only so the test can inject axe-core; the app itself runs under the api's CSP (script-src 'self').
  const context = await browser.newContext({
    bypassCSP: true,
    acceptDownloads: true,
    viewport: size === 'phone' ? { width: 390, height: 844 } : { width: 1280, height: 900 },
    locale: 'nl-NL',
    timezoneId: 'UTC',
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  return { context, page, errors };
}

/** Development sign-in (the embedded default on loopback): pick a directory person by name. */
export async function signInAs(page: Page, base: string, name: string): Promise<void> {
  await page.goto(`${base}/auth/login`);
  await page.getByRole('button', { name }).click();
  await page.waitForURL(`${base}/`);
  await page.getByText(`Aangemeld als ${name}`).waitFor();
}

/** Opens a page of the menu and waits for its heading. */
export async function openMenu(page: Page, item: string, heading: string | RegExp = item): Promise<void> {
  await page.getByRole('navigation').getByRole('link', { name: item, exact: true }).click();
  await page.getByRole('heading', { level: 1, name: heading }).waitFor();
}

/**
 * The page as it stands: axe-core (WCAG 2.1 A and AA; a serious or critical violation fails), every visible control
 * reachable with the Tab key (keyboard-only use), no sideways scrolling (reflow), and a screenshot to look at.
 */
export async function expectAccessible(page: Page, name: string): Promise<void> {
  await page.addScriptTag({ content: AXE });
  const violations = await page.evaluate(async () => {
    const result = await (
      globalThis as unknown as { axe: { run: (options: object) => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }
    ).axe.run({
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, targets: v.nodes.map((node) => node.target.join(' ')).slice(0, 3) }));
  });
  expect({ page: name, violations: violations.filter((v) => v.impact === 'serious' || v.impact === 'critical') }).toEqual({ page: name, violations: [] });
  expect({ page: name, unreachable: await unreachableByKeyboard(page) }).toEqual({ page: name, unreachable: [] });
  // Reflow (WCAG 1.4.10): nothing wider than the window, so a phone never scrolls sideways to read a line.
  expect({ page: name, overflow: await page.evaluate('document.documentElement.scrollWidth - window.innerWidth') }).toEqual({ page: name, overflow: 0 });
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

// In-page scripts, as text: this program is type-checked without the DOM's types (the node code must not see them).
const PROBE_CONTROLS = `(() => {
  const all = Array.from(document.querySelectorAll('a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), summary'));
  const visible = all.filter((el) => el.checkVisibility({ checkVisibilityCSS: true, contentVisibilityAuto: true }));
  visible.forEach((el, i) => el.setAttribute('data-tab-probe', String(i)));
  if (document.activeElement) document.activeElement.blur();
  window.scrollTo(0, 0);
  return visible.length;
})()`;
const ACTIVE_PROBE = `(() => {
  const active = document.activeElement;
  if (active && active.type === 'radio') document.querySelectorAll('input[type="radio"][name="' + active.name + '"]').forEach((r) => r.setAttribute('data-tab-group', 'reached'));
  return active ? active.getAttribute('data-tab-probe') : null;
})()`;
const unreached = (seen: readonly string[]) => `(() => {
  const seen = ${JSON.stringify(seen)};
  const left = Array.from(document.querySelectorAll('[data-tab-probe]'))
    .filter((el) => !seen.includes(el.getAttribute('data-tab-probe')) && el.getAttribute('data-tab-group') !== 'reached')
    .map((el) => el.tagName.toLowerCase() + ': ' + (el.textContent || el.getAttribute('name') || '').trim().slice(0, 40));
  document.querySelectorAll('[data-tab-probe]').forEach((el) => { el.removeAttribute('data-tab-probe'); el.removeAttribute('data-tab-group'); });
  return left;
})()`;

/** The visible controls the Tab key never reaches, walking the page from its start through every stop. */
async function unreachableByKeyboard(page: Page): Promise<string[]> {
  const controls = (await page.evaluate(PROBE_CONTROLS)) as number;
  const reached = new Set<string>();
  // A radio group is one stop; every other control its own. Twice the count is ample and ends on a full cycle.
  for (let i = 0; i < controls * 2 + 2; i++) {
    await page.keyboard.press('Tab');
    const probe = (await page.evaluate(ACTIVE_PROBE)) as string | null;
    if (probe !== null) reached.add(probe);
  }
  return (await page.evaluate(unreached([...reached]))) as string[];
}

/** Waits until the named read models have caught up with `position` (the pages read read models). */
export async function caughtUp(api: ApiHarness, position: number, models: readonly string[]): Promise<void> {
  const catalog = api.app().get(ReadModelCatalog);
  for (const model of models)
    await waitUntil(async () => (await catalog.position(model, await catalog.liveVersion(model))) >= position, `the ${model} read model`);
}

import { Suspense, lazy, useEffect, useMemo, useRef, useState } from 'react';
import { type Me, loadMe, signOut } from './api/client';
import { I18n, LANGUAGE_KEY, type Language, initialLanguage, translator, words } from './i18n/i18n';
import { MeContext } from './me';
import { Problem } from './problem';
import { allowed, ROUTES } from './routes';
import { Link, useLocation } from './routing';
import { useRoute } from 'wouter';

const CASE_PATH = /^\/zaken\/([0-9a-f-]{36})$/;
const CasePage = lazy(() => import('./pages/case').then((module) => ({ default: module.CasePage })));

/** The shell: who is signed in (from the directory), the menu of their roles' pages, the language, the page. */
export function App() {
  const [language, setLanguageState] = useState<Language>(initialLanguage);
  const t = useMemo(() => translator(language), [language]);
  const setLanguage = (next: Language) => {
    localStorage.setItem(LANGUAGE_KEY, next);
    setLanguageState(next);
  };
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
  const [me, setMe] = useState<Me | null>();
  const [error, setError] = useState<unknown>();
  const [signedOut, setSignedOut] = useState(false);
  useEffect(() => {
    loadMe().then((who) => (who ? setMe(who) : window.location.assign('/auth/login')), setError);
  }, []);
  const { path } = useLocation();
  useFocusOnPageChange(path);
  useCellLabels();
  const [, caseParams] = useRoute<{ caseId: string }>('/zaken/:caseId');
  const caseMatch = caseParams && CASE_PATH.test(path) ? [path, caseParams.caseId] : null;
  const route = ROUTES.find((candidate) => candidate.path === path);
  const menu = me ? ROUTES.filter((candidate) => allowed(candidate, me.roles)) : [];
  const title = `${t(caseMatch ? 'nav.case' : (route?.title ?? 'common.notFound'))} — ${t('app.name')}`;
  useEffect(() => {
    document.title = title;
  }, [title]);

  let page;
  if (signedOut)
    page = (
      <section>
        <h1>{t('auth.signedOut')}</h1>
        <p>
          <a href="/auth/login">{t('auth.signInAgain')}</a>
        </p>
      </section>
    );
  else if (!me) page = error ? <Problem error={error} /> : <p>{t('common.loading')}</p>;
  else if (caseMatch) page = <CasePage caseId={caseMatch[1]!} roles={me.roles} />;
  else if (route && allowed(route, me.roles)) page = route.page();
  else if (route)
    page = (
      <section>
        <h1>{t('common.notYoursTitle')}</h1>
        <p>{t('common.notYours')}</p>
      </section>
    );
  else
    page = (
      <section>
        <h1>{t('common.notFoundTitle')}</h1>
        <p>{t('common.notFound')}</p>
        <p>
          <Link to="/">{t('common.toToday')}</Link>
        </p>
      </section>
    );

  return (
    <I18n.Provider value={{ language, t, setLanguage }}>
      <MeContext.Provider value={me ?? null}>
        <a className="skip" href="#main">
          {t('app.skip')}
        </a>
        <header>
          <span className="brand">{t('app.name')}</span>
          <nav aria-label={t('nav.label')}>
            {menu.map((item) => (
              <Link key={item.path} to={item.path}>
                {t(item.title)}
              </Link>
            ))}
          </nav>
          <div className="who">
            {me && <span>{t('nav.signedInAs', { name: me.name, roles: me.roles.map((role) => words(t, 'role', role)).join(', ') })}</span>}
            <button type="button" lang={language === 'nl' ? 'en' : 'nl'} onClick={() => setLanguage(language === 'nl' ? 'en' : 'nl')}>
              {t('nav.language')}
            </button>
            {me && (
              <button type="button" onClick={() => void signOut().then(() => (setMe(null), setSignedOut(true)))}>
                {t('nav.signOut')}
              </button>
            )}
          </div>
        </header>
        <main id="main" tabIndex={-1}>
          <Suspense fallback={<p>{t('common.loading')}</p>}>{page}</Suspense>
        </main>
      </MeContext.Provider>
    </I18n.Provider>
  );
}

/**
 * #33: after a page change the focus moves to the new page's heading, so a screen reader announces the page and the
 * keyboard starts there (it stayed on <body>). A page that is still loading gets it when its heading appears. Not on
 * the first page: the browser's own start applies there.
 */
function useFocusOnPageChange(path: string): void {
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const main = document.getElementById('main');
    if (!main) return;
    // The visible heading: while a page loads, React keeps the previous one in the document, hidden.
    const focusHeading = () => {
      const heading = Array.from(main.querySelectorAll('h1')).find((candidate) => candidate.getClientRects().length > 0);
      if (!heading) return false;
      heading.setAttribute('tabindex', '-1');
      heading.focus();
      return document.activeElement === heading;
    };
    if (focusHeading()) return;
    const observer = new MutationObserver(() => {
      if (focusHeading()) observer.disconnect();
    });
    observer.observe(main, { childList: true, subtree: true, attributes: true, attributeFilter: ['style'] });
    return () => observer.disconnect();
  }, [path]);
}

/**
 * #33, defect 7: every table cell carries its column's name (data-label), which the phone layout shows before the
 * value when a table is read row by row. Taken from the table's own header, whenever a page renders a table.
 */
function useCellLabels(): void {
  useEffect(() => {
    const main = document.getElementById('main');
    if (!main) return;
    const label = () => {
      for (const table of Array.from(main.querySelectorAll('table'))) {
        const names = Array.from(table.querySelectorAll('thead th')).map((th) => th.textContent?.trim() ?? '');
        for (const row of Array.from(table.querySelectorAll('tbody tr')))
          Array.from(row.children).forEach((cell, i) => {
            if (names[i] && cell.getAttribute('data-label') !== names[i]) cell.setAttribute('data-label', names[i]!);
          });
      }
    };
    label();
    const observer = new MutationObserver(label);
    observer.observe(main, { childList: true, subtree: true });
    return () => observer.disconnect();
  }, []);
}

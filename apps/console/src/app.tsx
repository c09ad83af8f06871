import { useEffect, useMemo, useState } from 'react';
import { type Me, loadMe, signOut } from './api/client';
import { I18n, LANGUAGE_KEY, type Language, initialLanguage, translator, words } from './i18n/i18n';
import { CasePage } from './pages/case';
import { CasesPage } from './pages/cases';
import { TodayPage } from './pages/today';
import { Problem } from './problem';
import { Link, usePath } from './routing';

const CASE_PATH = /^\/zaken\/([0-9a-f-]{36})$/;

/** The shell: who is signed in (from the directory), the menu, the language, and the page of the path. */
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
  useEffect(() => {
    loadMe().then((who) => (who ? setMe(who) : window.location.assign('/auth/login')), setError);
  }, []);
  const path = usePath();
  useEffect(() => {
    document.title = `${t('app.name')} — ${path.startsWith('/zaken') ? t('nav.cases') : t('nav.today')}`;
  }, [path, t]);

  let page;
  const caseMatch = CASE_PATH.exec(path);
  if (!me) page = error ? <Problem error={error} /> : <p>{t('common.loading')}</p>;
  else if (path === '/') page = <TodayPage />;
  else if (path === '/zaken') page = <CasesPage />;
  else if (caseMatch) page = <CasePage caseId={caseMatch[1]!} roles={me.roles} />;
  else page = <p>{t('common.notFound')}</p>;

  return (
    <I18n.Provider value={{ language, t, setLanguage }}>
      <a className="skip" href="#main">
        {t('app.skip')}
      </a>
      <header>
        <span className="brand">{t('app.name')}</span>
        <nav aria-label={t('nav.label')}>
          <Link to="/">{t('nav.today')}</Link>
          <Link to="/zaken">{t('nav.cases')}</Link>
        </nav>
        <div className="who">
          {me && <span>{t('nav.signedInAs', { name: me.name, roles: me.roles.map((role) => words(t, 'role', role)).join(', ') })}</span>}
          <button type="button" lang={language === 'nl' ? 'en' : 'nl'} onClick={() => setLanguage(language === 'nl' ? 'en' : 'nl')}>
            {t('nav.language')}
          </button>
          {me && (
            <button type="button" onClick={() => void signOut()}>
              {t('nav.signOut')}
            </button>
          )}
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        {page}
      </main>
    </I18n.Provider>
  );
}

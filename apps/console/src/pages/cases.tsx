import { type FormEvent, useState } from 'react';
import { get } from '../api/client';
import type { CaseRow, Page } from '../api/types';
import { date } from '../format';
import { useI18n, words } from '../i18n/i18n';
import en from '../i18n/en.json';
import { Problem } from '../problem';
import { Link } from '../routing';
import { schoolNames } from '../schools';
import { useLoad } from '../use-load';

const CATEGORIES = Object.keys(en)
  .filter((key) => key.startsWith('category.'))
  .map((key) => key.slice('category.'.length));

interface Filters {
  readonly status: string;
  readonly category: string;
  readonly kind: string;
  readonly overdue: boolean;
}

/** The caseload (`GET /incidents`): filters, newest first, paged with the API's cursor ("Meer laden"). */
export function CasesPage() {
  const { t, language } = useI18n();
  const [filters, setFilters] = useState<Filters>({ status: 'open', category: '', kind: '', overdue: false });
  const [draft, setDraft] = useState<Filters>(filters);
  const [more, setMore] = useState<{ items: CaseRow[]; cursor: string | null }>({ items: [], cursor: null });
  const query = (cursor: string | null) => {
    const params = new URLSearchParams({ limit: '25' });
    if (filters.status) params.set('status', filters.status);
    if (filters.category) params.set('category', filters.category);
    if (filters.kind) params.set('kind', filters.kind);
    if (filters.overdue) params.set('overdue', 'true');
    if (cursor) params.set('cursor', cursor);
    return get<Page<CaseRow>>(`/incidents?${params.toString()}`);
  };
  const { data, error } = useLoad(
    'cases',
    async () => {
      const page = await query(null);
      setMore({ items: [], cursor: page.nextCursor });
      return { page, schools: await schoolNames() };
    },
    [filters],
  );
  const [moreError, setMoreError] = useState<unknown>();
  const loadMore = async () => {
    try {
      const page = await query(more.cursor);
      setMore({ items: [...more.items, ...page.items], cursor: page.nextCursor });
    } catch (failure) {
      setMoreError(failure);
    }
  };
  const apply = (event: FormEvent) => {
    event.preventDefault();
    setFilters(draft);
  };
  const rows = data ? [...data.page.items, ...more.items] : [];
  return (
    <section aria-labelledby="cases-title">
      <h1 id="cases-title">{t('cases.title')}</h1>
      <form className="filters" onSubmit={apply}>
        <label>
          {t('cases.filter.status')}
          <select value={draft.status} onChange={(event) => setDraft({ ...draft, status: event.target.value })}>
            <option value="">{t('cases.filter.any')}</option>
            <option value="open">{t('common.open')}</option>
            <option value="closed">{t('common.closed')}</option>
          </select>
        </label>
        <label>
          {t('cases.filter.kind')}
          <select value={draft.kind} onChange={(event) => setDraft({ ...draft, kind: event.target.value })}>
            <option value="">{t('cases.filter.any')}</option>
            <option value="pupil-incident">{t('kind.pupil-incident')}</option>
            <option value="staff-misconduct">{t('kind.staff-misconduct')}</option>
          </select>
        </label>
        <label>
          {t('cases.filter.category')}
          <select value={draft.category} onChange={(event) => setDraft({ ...draft, category: event.target.value })}>
            <option value="">{t('cases.filter.any')}</option>
            {CATEGORIES.map((category) => (
              <option key={category} value={category}>
                {words(t, 'category', category)}
              </option>
            ))}
          </select>
        </label>
        <label className="check">
          <input type="checkbox" checked={draft.overdue} onChange={(event) => setDraft({ ...draft, overdue: event.target.checked })} />
          {t('cases.filter.overdue')}
        </label>
        <button type="submit">{t('cases.filter.apply')}</button>
      </form>
      <Problem error={error ?? moreError} />
      {!data && !error && <p>{t('common.loading')}</p>}
      {data && rows.length === 0 && <p>{t('cases.empty')}</p>}
      {rows.length > 0 && (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('cases.col.number')}</th>
              <th scope="col">{t('cases.col.category')}</th>
              <th scope="col">{t('cases.col.school')}</th>
              <th scope="col">{t('cases.col.status')}</th>
              <th scope="col">{t('cases.col.reported')}</th>
              <th scope="col">{t('cases.col.obligations')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id}>
                <td>
                  <Link to={`/zaken/${row.id}`}>{row.caseNumber ?? t('case.unnumbered')}</Link>
                </td>
                <td>
                  {words(t, 'category', row.category)} <span className="muted">({words(t, 'kind', row.kind)})</span>
                </td>
                <td>{data?.schools.get(row.schoolId) ?? row.schoolId}</td>
                <td>{row.status === 'open' ? t('common.open') : t('common.closed')}</td>
                <td>{date(row.reportedAt, language)}</td>
                <td>
                  {row.openObligations}
                  {row.overdueObligations > 0 && <strong className="badge"> {t('cases.overdueCount', { count: row.overdueObligations })}</strong>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {more.cursor && (
        <button type="button" onClick={() => void loadMore()}>
          {t('common.more')}
        </button>
      )}
    </section>
  );
}

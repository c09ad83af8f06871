import { useState } from 'react';
import { get } from '../api/client';
import type { Page } from '../api/types';
import { dateTime } from '../format';
import { useI18n, words } from '../i18n/i18n';
import { Problem } from '../problem';
import { Link } from '../routing';
import { schoolNames } from '../schools';
import { useLoad } from '../use-load';
import { INSPECTOR_PHONE } from './decisions';

interface InspectorItem {
  readonly itemId: string;
  readonly incidentId: string;
  readonly schoolId: string;
  readonly basis: string;
  readonly dueAt: string;
  readonly status: 'pending' | 'done' | 'overdue';
  readonly call: { readonly calledAt: string; readonly inspectorReference: string; readonly conclusion?: string | null } | null;
}

/** The inspector queue (B1, B3; board and legal): calls to make, overdue and made, with the number to call. */
export function InspectorPage() {
  const { t, language } = useI18n();
  const [status, setStatus] = useState<'pending' | 'overdue' | 'done'>('pending');
  const [more, setMore] = useState<{ items: InspectorItem[]; cursor: string | null }>();
  const { data, error } = useLoad(
    'inspector',
    async () => {
      setMore(undefined);
      return { page: await get<Page<InspectorItem>>(`/inspector-notifications?status=${status}&limit=50`), schools: await schoolNames() };
    },
    [status],
  );
  const items = data ? [...data.page.items, ...(more?.items ?? [])] : [];
  const cursor = more ? more.cursor : data?.page.nextCursor;
  const loadMore = async () => {
    const page = await get<Page<InspectorItem>>(`/inspector-notifications?status=${status}&limit=50&cursor=${encodeURIComponent(cursor!)}`);
    setMore({ items: [...(more?.items ?? []), ...page.items], cursor: page.nextCursor });
  };
  return (
    <section aria-labelledby="inspector-title">
      <h1 id="inspector-title">{t('inspector.title')}</h1>
      <p>
        {t('inspector.intro')} <a href={`tel:${INSPECTOR_PHONE}`}>{INSPECTOR_PHONE}</a>
      </p>
      <div className="tabs" role="group" aria-label={t('inspector.status')}>
        {(['pending', 'overdue', 'done'] as const).map((option) => (
          <button key={option} type="button" aria-pressed={status === option} onClick={() => setStatus(option)}>
            {t(`inspector.${option}`)}
          </button>
        ))}
      </div>
      <Problem error={error} />
      {data && items.length === 0 && <p>{t('inspector.empty')}</p>}
      {items.length > 0 && (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('inspector.col.case')}</th>
              <th scope="col">{t('inspector.col.school')}</th>
              <th scope="col">{t('inspector.col.basis')}</th>
              <th scope="col">{t('inspector.col.due')}</th>
              <th scope="col">{t('inspector.col.call')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((item) => (
              <tr key={item.itemId} className={item.status === 'overdue' ? 'overdue' : undefined}>
                <td>
                  <Link to={`/zaken/${item.incidentId}`}>{t('common.toCase')}</Link>
                </td>
                <td>{data?.schools.get(item.schoolId) ?? item.schoolId}</td>
                <td>{words(t, 'option.basis', item.basis)}</td>
                <td>{dateTime(item.dueAt, language)}</td>
                <td>
                  {item.call
                    ? `${dateTime(item.call.calledAt, language)}, ${item.call.inspectorReference}${item.call.conclusion ? `, ${words(t, 'option.conclusion', item.call.conclusion)}` : ''}`
                    : '—'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {cursor && (
        <button type="button" onClick={() => void loadMore()}>
          {t('common.more')}
        </button>
      )}
    </section>
  );
}

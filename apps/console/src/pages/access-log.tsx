import { type FormEvent, useState } from 'react';
import { download, get } from '../api/client';
import type { Page, Person } from '../api/types';
import { PersonSearch } from '../components/person-search';
import { dateTime } from '../format';
import { useI18n, words } from '../i18n/i18n';
import { Problem } from '../problem';
import { navigateState, useLocation } from '../routing';
import { useLoad } from '../use-load';
import { directorySearch } from './pupil-file';

interface AccessEntry {
  readonly accessId: string;
  readonly readAt: string;
  readonly actorId: string;
  readonly actorRoles: readonly string[];
  readonly resource: string;
  readonly resourceId: string;
  readonly subjectIds: readonly string[];
  readonly outcome: string;
}

/**
 * The access log (legal): who read whose data, per person (the subject) or per actor, in a period; refusals too.
 * The person is chosen here and kept in the history entry, not the address. Also as a signed export.
 */
export function AccessLogPage() {
  const { t } = useI18n();
  const { state } = useLocation();
  const [period, setPeriod] = useState({ from: '', to: '' });
  const [draft, setDraft] = useState(period);
  const apply = (event: FormEvent) => {
    event.preventDefault();
    setPeriod(draft);
  };
  const pick = (as: 'subjectId' | 'actorId') => (person: Person) => navigateState({ [as]: person.personId, name: person.name });
  return (
    <section aria-labelledby="access-title">
      <h1 id="access-title">{t('access.title')}</h1>
      <p>{t('access.intro')}</p>
      <div className="two">
        <PersonSearch
          label="access.bySubject"
          search={directorySearch(undefined)}
          onPick={pick('subjectId')}
          describe={(person) => `(${words(t, 'person', person.kind ?? '')})`}
        />
        <PersonSearch label="access.byActor" search={directorySearch('staff')} onPick={pick('actorId')} />
      </div>
      <form className="filters" onSubmit={apply}>
        <label>
          {`${t('stats.from')} ${t('common.optional')}`}
          <input type="date" value={draft.from} onChange={(event) => setDraft({ ...draft, from: event.target.value })} />
        </label>
        <label>
          {`${t('stats.to')} ${t('common.optional')}`}
          <input type="date" value={draft.to} onChange={(event) => setDraft({ ...draft, to: event.target.value })} />
        </label>
        <button type="submit">{t('cases.filter.apply')}</button>
      </form>
      {state && (state.subjectId || state.actorId) && (
        <Entries
          key={JSON.stringify([state, period])}
          by={state.subjectId ? { subjectId: state.subjectId } : { actorId: state.actorId! }}
          name={state.name ?? ''}
          period={period}
        />
      )}
    </section>
  );
}

function Entries({ by, name, period }: { by: { subjectId: string } | { actorId: string }; name: string; period: { from: string; to: string } }) {
  const { t, language } = useI18n();
  const query = new URLSearchParams({ ...by, limit: '50' });
  if (period.from) query.set('from', `${period.from}T00:00:00Z`);
  if (period.to) query.set('to', `${period.to}T23:59:59Z`);
  const [more, setMore] = useState<{ items: AccessEntry[]; cursor: string | null }>();
  const [exportError, setExportError] = useState<unknown>();
  const { data, error } = useLoad('access-log', () => get<Page<AccessEntry>>(`/access-log?${query.toString()}`), [query.toString()]);
  const items = data ? [...data.items, ...(more?.items ?? [])] : [];
  const cursor = more ? more.cursor : data?.nextCursor;
  const loadMore = async () => {
    const page = await get<Page<AccessEntry>>(`/access-log?${query.toString()}&cursor=${encodeURIComponent(cursor!)}`);
    setMore({ items: [...(more?.items ?? []), ...page.items], cursor: page.nextCursor });
  };
  return (
    <section aria-labelledby="entries-title">
      <h2 id="entries-title">{'subjectId' in by ? t('access.readsOf', { name }) : t('access.readsBy', { name })}</h2>
      <button
        type="button"
        onClick={() =>
          void download(`/access-log/audit-export?${query.toString()}`, 'application/json', 'casebook-access-log.json').then(
            () => setExportError(undefined),
            setExportError,
          )
        }
      >
        {t('access.export')}
      </button>
      <Problem error={error ?? exportError} />
      {data && items.length === 0 && <p>{t('access.empty')}</p>}
      {items.length > 0 && (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('access.col.when')}</th>
              <th scope="col">{t('access.col.actor')}</th>
              <th scope="col">{t('access.col.what')}</th>
              <th scope="col">{t('access.col.outcome')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((entry) => (
              <tr key={entry.accessId} className={entry.outcome === 'granted' ? undefined : 'overdue'}>
                <td>{dateTime(entry.readAt, language)}</td>
                <td>
                  {entry.actorId} <span className="muted">({entry.actorRoles.map((role) => words(t, 'role', role)).join(', ')})</span>
                </td>
                <td>
                  {words(t, 'resource', entry.resource)} <span className="muted">{entry.resourceId}</span>
                </td>
                <td>{words(t, 'outcome', entry.outcome)}</td>
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

import { type FormEvent, useEffect, useState } from 'react';
import { ApiError, download, get, getWithEtag, post } from '../api/client';
import type { CaseView, Page, Person, TimelineEntry } from '../api/types';
import { CommandForm } from '../components/command-form';
import { dateTime } from '../format';
import { useI18n, words } from '../i18n/i18n';
import { Problem, isStale } from '../problem';
import { schoolNames } from '../schools';
import { useLoad } from '../use-load';
import { caseCommands, mayClose } from './case-commands';

/** A read the caller's roles may not make (a teacher and the timeline): shown as absent, not as an error. */
async function unlessRefused<T>(read: Promise<T>, otherwise: T): Promise<T> {
  try {
    return await read;
  } catch (failure) {
    if (failure instanceof ApiError && failure.status === 403) return otherwise;
    throw failure;
  }
}

/**
 * A case: its number, people, state, obligations with due dates and the timeline (Dutch from the API), and every
 * command the caller's roles allow as a form. A refusal (409 names the rule, 412 when the case moved on) keeps what
 * was typed; after a command the page reads again, waiting for the command's position (read your writes).
 */
export function CasePage({ caseId, roles }: { caseId: string; roles: readonly string[] }) {
  const { t, language } = useI18n();
  const [position, setPosition] = useState<number>();
  const [saved, setSaved] = useState(false);
  const { data, error, reload } = useLoad(
    'case',
    async () => {
      const wait = position ? `?waitForPosition=${position}` : '';
      const view = await getWithEtag<CaseView>(`/incidents/${caseId}${wait}`);
      const [timeline, staff, schools] = await Promise.all([
        unlessRefused(get<Page<TimelineEntry>>(`/incidents/${caseId}/timeline${wait}`), null),
        roles.includes('board') || roles.includes('director')
          ? unlessRefused(get<Page<Person>>(`/directory/people?kind=staff&schoolId=${encodeURIComponent(view.body.schoolId)}&limit=200`), {
              items: [],
              nextCursor: null,
            })
          : { items: [], nextCursor: null },
        schoolNames(),
      ]);
      return { view, timeline, staff: staff.items, schools };
    },
    [caseId, language, position],
  );
  const [older, setOlder] = useState<{ items: TimelineEntry[]; cursor: string | null }>();
  // The case is on screen with its forms live: bench:console reads this mark (Chromium's performance timing).
  useEffect(() => {
    if (data) performance.mark('casebook:case-shown');
  }, [data]);
  if (error) return <Problem error={error} />;
  if (!data) return <p>{t('common.loading')}</p>;
  const view = data.view.body;
  const done = (answer: unknown) => {
    setSaved(true);
    setOlder(undefined);
    const at = (answer as { position?: number }).position;
    if (at && at !== position) setPosition(at);
    else reload();
  };
  // Someone else changed the case: read it again (new ETag, new timeline); the forms keep what was typed.
  const stale = () => {
    setSaved(false);
    reload();
  };
  const names = new Map(view.involved.map((person) => [person.personId, person.displayName ?? person.personId]));
  const groups = caseCommands({
    view,
    roles,
    t,
    staff: data.staff.filter((person) => !names.has(person.personId)).map((person) => ({ value: person.personId, label: person.name })),
  });
  const timeline = data.timeline ? [...data.timeline.items, ...(older?.items ?? [])] : [];
  const cursor = older ? older.cursor : data.timeline?.nextCursor;
  const loadOlder = async () => {
    const page = await get<Page<TimelineEntry>>(`/incidents/${caseId}/timeline?cursor=${encodeURIComponent(cursor!)}`);
    setOlder({ items: [...(older?.items ?? []), ...page.items], cursor: page.nextCursor });
  };
  return (
    <article aria-labelledby="case-title">
      <h1 id="case-title">{view.caseNumber ? t('case.title', { number: view.caseNumber }) : t('case.unnumbered')}</h1>
      {saved && (
        <p role="status" className="saved">
          {t('case.saved')}
        </p>
      )}
      <dl className="facts">
        <dt>{t('case.category')}</dt>
        <dd>
          {words(t, 'category', view.category)} ({words(t, 'kind', view.kind)})
        </dd>
        <dt>{t('case.school')}</dt>
        <dd>{data.schools.get(view.schoolId) ?? view.schoolId}</dd>
        <dt>{t('case.occurredAt')}</dt>
        <dd>{dateTime(view.occurredAt, language)}</dd>
        <dt>{t('case.status')}</dt>
        <dd>{view.status === 'open' ? t('common.open') : t('common.closed')}</dd>
        {view.outcome && (
          <>
            <dt>{t('case.outcome')}</dt>
            <dd>{view.outcome}</dd>
          </>
        )}
        <dt>{t('case.scope')}</dt>
        <dd>{view.scope ? (view.scope.inScope ? t('case.scope.yes') : t('case.scope.no')) : t('case.scope.unknown')}</dd>
        <dt>{t('case.owner')}</dt>
        <dd>{view.ownerId ? (data.staff.find((person) => person.personId === view.ownerId)?.name ?? view.ownerId) : t('case.owner.none')}</dd>
      </dl>
      <h2>{t('case.summary')}</h2>
      <p>{view.summary}</p>
      <h2>{t('case.people')}</h2>
      <ul>
        {view.involved.map((person) => (
          <li key={`${person.personId}-${person.role}`}>
            {person.displayName ?? person.personId} — {words(t, 'person', person.personKind)}, {words(t, 'involvement', person.role)}
          </li>
        ))}
      </ul>
      {(view.measures ?? []).length > 0 && (
        <>
          <h2>{t('case.measures')}</h2>
          <ul>
            {view.measures!.map((measure) => (
              <li key={measure.measureId}>
                {words(t, 'option.measure', measure.measure)} — {names.get(measure.subjectId) ?? measure.subjectId}
                {measure.startsOn && `, ${measure.startsOn}${measure.endsOn ? ` – ${measure.endsOn}` : ''}`}
              </li>
            ))}
          </ul>
        </>
      )}
      <h2>{t('case.obligations')}</h2>
      {view.obligations.length === 0 ? (
        <p>{t('case.obligations.none')}</p>
      ) : (
        <ul>
          {view.obligations.map((obligation) => (
            <li key={obligation.obligationId}>
              {words(t, 'work', obligation.kind)} — {t(`case.obligation.${obligation.status}`)}
              {obligation.status === 'open' && `, ${t('case.obligation.due', { when: dateTime(obligation.dueAt, language) })}`}
            </li>
          ))}
        </ul>
      )}
      {(groups.length > 0 || mayClose(view, roles)) && (
        <section aria-labelledby="actions-title" className="actions">
          <h2 id="actions-title">{t('case.actions')}</h2>
          {groups.map((group) => (
            <details key={group.title} open={group.title === 'case.group.assess'}>
              <summary>{t(group.title)}</summary>
              {group.commands.map((spec) => (
                <CommandForm
                  key={spec.id}
                  spec={spec}
                  etag={spec.path.startsWith(`/incidents/${caseId}`) && spec.onCaseStream !== false ? data.view.etag : null}
                  onDone={done}
                  onStale={stale}
                />
              ))}
            </details>
          ))}
          {/* Closing comes last: after what the case still needs. */}
          {mayClose(view, roles) && <CloseForm view={view} etag={data.view.etag} onDone={done} onStale={stale} />}
        </section>
      )}
      {(roles.includes('legal') || roles.includes('board')) && <AuditExport caseId={caseId} />}
      {data.timeline && (
        <>
          <h2>{t('case.timeline')}</h2>
          <ol className="timeline">
            {timeline.map((entry) => (
              <li key={entry.position}>
                {/* The API's text already says who, in the page's language ("…, door directeur"). */}
                <time dateTime={entry.occurredAt}>{dateTime(entry.occurredAt, language)}</time> {entry.text}
              </li>
            ))}
          </ol>
          {cursor && (
            <button type="button" onClick={() => void loadOlder()}>
              {t('common.more')}
            </button>
          )}
        </>
      )}
    </article>
  );
}

/** The case's audit trail (legal, board): the signed JSON bundle or its PDF, and how to check it. */
function AuditExport({ caseId }: { caseId: string }) {
  const { t } = useI18n();
  const [error, setError] = useState<unknown>();
  const fetchAs = (format: 'json' | 'pdf') =>
    download(
      `/incidents/${caseId}/audit-export?format=${format}`,
      format === 'pdf' ? 'application/pdf' : 'application/json',
      `casebook-audit-${caseId}.${format}`,
    ).then(() => setError(undefined), setError);
  return (
    <section aria-labelledby="audit-title">
      <h2 id="audit-title">{t('audit.title')}</h2>
      <p>{t('audit.intro')}</p>
      <div className="buttons">
        <button type="button" onClick={() => void fetchAs('json')}>
          {t('audit.json')}
        </button>
        <button type="button" onClick={() => void fetchAs('pdf')}>
          {t('audit.pdf')}
        </button>
      </div>
      <p>{t('audit.verify')}</p>
      <pre>
        <code>npm run cli -- audit verify casebook-audit-{caseId}.json</code>
      </pre>
      <Problem error={error} />
    </section>
  );
}

/**
 * Closing (CLOSE1): an open obligation is either done first or waived here with a rationale; without, the API
 * answers 409 CLOSE1 listing them. Sent with the case's ETag: 412 if it moved on, and the text stays.
 */
function CloseForm({ view, etag, onDone, onStale }: { view: CaseView; etag: string | null; onDone: (answer: unknown) => void; onStale: () => void }) {
  const { t } = useI18n();
  const [outcome, setOutcome] = useState('');
  const [waivers, setWaivers] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>();
  // A criminal-report decision's obligations are the decision's, not the case's to waive (B2, B3).
  const open = view.obligations.filter((obligation) => obligation.status === 'open' && !obligation.criminalReportDecisionId);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const waive = Object.entries(waivers)
      .filter(([, rationale]) => rationale.trim())
      .map(([obligationId, rationale]) => ({ obligationId, rationale: rationale.trim() }));
    try {
      const answer = await post(`/incidents/${view.id}/close`, { outcome, ...(waive.length ? { waive } : {}) }, etag ? { 'if-match': etag } : {});
      setError(undefined);
      onDone(answer);
    } catch (failure) {
      setError(failure); // what was typed stays
      if (isStale(failure)) onStale();
    }
  };
  return (
    <form onSubmit={(event) => void submit(event)} aria-labelledby="close-title" className="command">
      <h3 id="close-title">{t('case.closeForm.title')}</h3>
      <label>
        {t('case.closeForm.outcome')}
        <textarea required value={outcome} onChange={(event) => setOutcome(event.target.value)} rows={2} />
      </label>
      {open.length > 0 && (
        <fieldset>
          <legend>{t('case.closeForm.waivers')}</legend>
          {open.map((obligation) => (
            <label key={obligation.obligationId}>
              {t('case.closeForm.waive', { what: words(t, 'work', obligation.kind) })}
              <input
                type="text"
                value={waivers[obligation.obligationId] ?? ''}
                onChange={(event) => setWaivers({ ...waivers, [obligation.obligationId]: event.target.value })}
              />
            </label>
          ))}
        </fieldset>
      )}
      <Problem error={error} />
      <button type="submit">{t('case.closeForm.submit')}</button>
    </form>
  );
}

import { type FormEvent, useState } from 'react';
import { get, getWithEtag, post } from '../api/client';
import type { CaseView, Page, TimelineEntry } from '../api/types';
import { dateTime } from '../format';
import { useI18n, words } from '../i18n/i18n';
import { Problem } from '../problem';
import { schoolNames } from '../schools';
import { useLoad } from '../use-load';

/**
 * A case: its number, people, state, obligations with due dates and the timeline (Dutch from the API), and the
 * commands the rules allow as forms. A refusal (409 names the rule, 412 when the case moved on) keeps what was typed.
 */
export function CasePage({ caseId, roles }: { caseId: string; roles: readonly string[] }) {
  const { t, language } = useI18n();
  const { data, error, reload } = useLoad(
    async () => ({
      view: await getWithEtag<CaseView>(`/incidents/${caseId}`),
      timeline: await get<Page<TimelineEntry>>(`/incidents/${caseId}/timeline`),
      schools: await schoolNames(),
    }),
    [caseId, language],
  );
  if (error) return <Problem error={error} />;
  if (!data) return <p>{t('common.loading')}</p>;
  const view = data.view.body;
  const mayDecide = roles.includes('board') || (roles.includes('director') && view.kind === 'pupil-incident');
  return (
    <article aria-labelledby="case-title">
      <h1 id="case-title">{view.caseNumber ? t('case.title', { number: view.caseNumber }) : t('case.unnumbered')}</h1>
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
      {mayDecide && view.status === 'open' && (
        <section aria-labelledby="actions-title">
          <h2 id="actions-title">{t('case.actions')}</h2>
          {!view.scope && <ScopeForm caseId={caseId} etag={data.view.etag} onDone={reload} />}
          <CloseForm caseId={caseId} etag={data.view.etag} onDone={reload} />
        </section>
      )}
      <h2>{t('case.timeline')}</h2>
      <ol className="timeline">
        {data.timeline.items.map((entry) => (
          <li key={entry.position}>
            <time dateTime={entry.occurredAt}>{dateTime(entry.occurredAt, language)}</time> {entry.text} <span className="muted">{t('case.timeline.by', { actor: words(t, 'role', entry.actor.role) })}</span>
          </li>
        ))}
      </ol>
    </article>
  );
}

interface FormProps {
  readonly caseId: string;
  readonly etag: string | null;
  readonly onDone: () => void;
}

function ScopeForm({ caseId, etag, onDone }: FormProps) {
  const { t } = useI18n();
  const [inScope, setInScope] = useState(true);
  const [rationale, setRationale] = useState('');
  const [error, setError] = useState<unknown>();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    try {
      await post(`/incidents/${caseId}/scope-assessment`, { inScope, rationale }, etag ? { 'if-match': etag } : {});
      setRationale('');
      setError(undefined);
      onDone();
    } catch (failure) {
      setError(failure); // what was typed stays
    }
  };
  return (
    <form onSubmit={(event) => void submit(event)} aria-labelledby="scope-title">
      <h3 id="scope-title">{t('case.scopeForm.title')}</h3>
      <fieldset>
        <legend>{t('case.scope')}</legend>
        <label className="check">
          <input type="radio" name="inScope" checked={inScope} onChange={() => setInScope(true)} />
          {t('case.scopeForm.inScope')}
        </label>
        <label className="check">
          <input type="radio" name="inScope" checked={!inScope} onChange={() => setInScope(false)} />
          {t('case.scopeForm.outOfScope')}
        </label>
      </fieldset>
      <label>
        {t('case.scopeForm.rationale')}
        <textarea required value={rationale} onChange={(event) => setRationale(event.target.value)} rows={3} />
      </label>
      <Problem error={error} />
      <button type="submit">{t('case.scopeForm.submit')}</button>
    </form>
  );
}

function CloseForm({ caseId, etag, onDone }: FormProps) {
  const { t } = useI18n();
  const [outcome, setOutcome] = useState('');
  const [error, setError] = useState<unknown>();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    try {
      await post(`/incidents/${caseId}/close`, { outcome }, etag ? { 'if-match': etag } : {});
      setError(undefined);
      onDone();
    } catch (failure) {
      setError(failure);
    }
  };
  return (
    <form onSubmit={(event) => void submit(event)} aria-labelledby="close-title">
      <h3 id="close-title">{t('case.closeForm.title')}</h3>
      <label>
        {t('case.closeForm.outcome')}
        <textarea required value={outcome} onChange={(event) => setOutcome(event.target.value)} rows={2} />
      </label>
      <Problem error={error} />
      <button type="submit">{t('case.closeForm.submit')}</button>
    </form>
  );
}

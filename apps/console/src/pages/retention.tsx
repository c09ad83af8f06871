import { useState } from 'react';
import { get } from '../api/client';
import type { CommandAnswer, Person } from '../api/types';
import { CommandForm } from '../components/command-form';
import { PersonSearch } from '../components/person-search';
import { useI18n, words } from '../i18n/i18n';
import { Problem } from '../problem';
import { Link } from '../routing';
import { useLoad } from '../use-load';
import { directorySearch } from './pupil-file';

interface Retention {
  readonly today: string;
  readonly due: readonly { readonly personId: string; readonly endsOn: string; readonly reason: string; readonly heldCases: readonly string[] }[];
  readonly held: readonly { readonly personId: string; readonly endsOn?: string; readonly reason?: string; readonly heldCases: readonly string[] }[];
}

/**
 * Retention and erasure (legal, board): who is due for erasure and why, who a legal hold keeps (HOLD), and the
 * erasure itself — of someone due or on request — after a confirmation step. Erasure deletes the person's data key:
 * their texts read [verwijderd] everywhere, and it cannot be undone.
 */
export function RetentionPage() {
  const { t } = useI18n();
  const [position, setPosition] = useState<number>();
  const [chosen, setChosen] = useState<{ personId: string; name: string }>();
  const { data, error } = useLoad('retention', () => get<Retention>('/privacy/retention'), [position]);
  const done = (answer: unknown) => {
    setChosen(undefined);
    setPosition((answer as CommandAnswer).position);
  };
  return (
    <section aria-labelledby="retention-title">
      <h1 id="retention-title">{t('retention.title')}</h1>
      <p>{t('retention.intro')}</p>
      <Problem error={error} />
      {position && (
        <p role="status" className="saved">
          {t('retention.erased')}
        </p>
      )}
      {data && (
        <>
          <h2>{t('retention.due', { today: data.today })}</h2>
          {data.due.length === 0 ? (
            <p>{t('retention.noneDue')}</p>
          ) : (
            <ul className="lines">
              {data.due.map((person) => (
                <li key={person.personId}>
                  {person.personId} — {words(t, 'retentionReason', person.reason)}, {t('retention.endsOn', { day: person.endsOn })}{' '}
                  <button type="button" onClick={() => setChosen({ personId: person.personId, name: person.personId })}>
                    {t('retention.erase')}
                  </button>
                </li>
              ))}
            </ul>
          )}
          <h2>{t('retention.held')}</h2>
          {data.held.length === 0 ? (
            <p>{t('retention.noneHeld')}</p>
          ) : (
            <ul className="lines">
              {data.held.map((person) => (
                <li key={person.personId}>
                  {person.personId} —{' '}
                  {person.heldCases.map((caseId) => (
                    <Link key={caseId} to={`/zaken/${caseId}`}>
                      {t('common.toCase')}
                    </Link>
                  ))}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
      <h2>{t('retention.onRequest')}</h2>
      <PersonSearch
        label="retention.find"
        search={directorySearch(undefined)}
        onPick={(person: Person) => setChosen({ personId: person.personId, name: person.name })}
        describe={(person) => `(${words(t, 'person', person.kind ?? '')})`}
      />
      {chosen && (
        <CommandForm
          key={chosen.personId}
          spec={{
            id: 'erasure',
            title: 'command.erasure',
            path: `/people/${encodeURIComponent(chosen.personId)}/erasure`,
            fields: [{ name: 'reason', kind: 'textarea' }],
            confirm: () => t('retention.confirm', { name: chosen.name }),
          }}
          onDone={done}
        >
          <p>{t('retention.chosen', { name: chosen.name })}</p>
        </CommandForm>
      )}
    </section>
  );
}

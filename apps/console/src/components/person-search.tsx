import { type FormEvent, useId, useState } from 'react';
import type { Person } from '../api/types';
import { type TextKey, useI18n } from '../i18n/i18n';
import { Problem } from '../problem';

/**
 * Find a person by the start of a name (the directory, DIR1) and pick one: a search field and the matches as
 * buttons, so it works by keyboard and on a phone. Nothing typed goes in the address; the API logs what it showed.
 */
export function PersonSearch({
  label,
  search,
  onPick,
  describe,
}: {
  label: TextKey;
  search: (q: string) => Promise<readonly Person[]>;
  onPick: (person: Person) => void;
  describe?: (person: Person) => string;
}) {
  const { t } = useI18n();
  const id = useId();
  const [q, setQ] = useState('');
  const [found, setFound] = useState<readonly Person[]>();
  const [error, setError] = useState<unknown>();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    try {
      setFound(await search(q.trim()));
      setError(undefined);
    } catch (failure) {
      setError(failure);
    }
  };
  return (
    <div className="person-search">
      <form role="search" aria-labelledby={`${id}-label`} onSubmit={(event) => void submit(event)} className="inline">
        <label id={`${id}-label`}>
          {t(label)}
          <input type="search" value={q} onChange={(event) => setQ(event.target.value)} autoComplete="off" />
        </label>
        <button type="submit">{t('common.search')}</button>
      </form>
      <Problem error={error} />
      {found && found.length === 0 && <p role="status">{t('common.noMatches')}</p>}
      {found && found.length > 0 && (
        <ul className="matches" aria-label={t('common.matches')}>
          {found.map((person) => (
            <li key={person.personId}>
              <button type="button" onClick={() => onPick(person)}>
                {person.name}
                {describe ? (
                  <span className="muted"> {describe(person)}</span>
                ) : person.group ? (
                  <span className="muted"> ({t('common.group', { group: person.group })})</span>
                ) : null}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

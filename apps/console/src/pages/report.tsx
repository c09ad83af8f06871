import { type FormEvent, useState } from 'react';
import { get, post } from '../api/client';
import type { CommandAnswer, Page, Person } from '../api/types';
import { PersonSearch } from '../components/person-search';
import { amsterdamLocal, momentOf } from '../format';
import { useI18n, words } from '../i18n/i18n';
import { Problem } from '../problem';
import { Link } from '../routing';
import { SchoolChoice, useMySchools } from '../school-choice';
import { CODES, PUPIL_CATEGORIES } from './case-commands';

interface Chosen {
  readonly person: Person;
  readonly role: string;
}

/** The pupils of a school whose name starts with `q` (the report form's picker: id, name and group). */
export const pupilsOf = (schoolId: string) => async (q: string) =>
  (await get<Page<Person>>(`/schools/${encodeURIComponent(schoolId)}/pupils?limit=20${q ? `&q=${encodeURIComponent(q)}` : ''}`)).items;

/**
 * Report an incident (SC1) — made for a teacher on a phone, in under a minute: the school, the pupils by name with
 * their part, the category in Dutch words, when, and what happened. The pupils' names go to the API in the body
 * (sealed there), never in the address.
 */
export function ReportPage() {
  const { t } = useI18n();
  const schools = useMySchools();
  const [schoolId, setSchoolId] = useState<string>();
  const school = schoolId ?? schools.data?.[0]?.schoolId;
  const [chosen, setChosen] = useState<readonly Chosen[]>([]);
  const [category, setCategory] = useState('cyberbullying');
  const [when, setWhen] = useState(amsterdamLocal);
  const [summary, setSummary] = useState('');
  const [error, setError] = useState<unknown>();
  const [reported, setReported] = useState<CommandAnswer>();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!school) return;
    try {
      const answer = await post<CommandAnswer>('/incidents', {
        type: 'pupil-incident',
        schoolId: school,
        category,
        occurredAt: momentOf(when),
        summary: summary.trim(),
        involved: chosen.map(({ person, role }) => ({ personId: person.personId, personKind: 'pupil', role, displayName: person.name })),
      });
      setReported(answer);
      setError(undefined);
      setChosen([]);
      setSummary('');
      setWhen(amsterdamLocal());
    } catch (failure) {
      setError(failure); // what was typed stays
    }
  };
  return (
    <section aria-labelledby="report-title" className="narrow">
      <h1 id="report-title">{t('report.title')}</h1>
      {reported && (
        <p role="status" className="saved">
          {t('report.done', { number: reported.caseNumber ?? '' })} <Link to={`/zaken/${reported.id}`}>{t('report.open')}</Link>
        </p>
      )}
      <Problem error={schools.error} />
      {schools.data && schools.data.length > 1 && <SchoolChoice schools={schools.data} value={school ?? ''} onChange={setSchoolId} />}
      {school && (
        <PersonSearch
          label="report.findPupil"
          search={pupilsOf(school)}
          onPick={(person) =>
            !chosen.some((c) => c.person.personId === person.personId) &&
            setChosen([...chosen, { person, role: chosen.length === 0 ? 'perpetrator' : 'victim' }])
          }
        />
      )}
      <form onSubmit={(event) => void submit(event)} aria-labelledby="report-title">
        <fieldset>
          <legend>{t('report.pupils')}</legend>
          {chosen.length === 0 && <p className="muted">{t('report.noPupils')}</p>}
          {chosen.map(({ person, role }, index) => (
            <div key={person.personId} className="chosen">
              <label>
                {t('report.roleOf', { name: person.name })}
                <select value={role} onChange={(event) => setChosen(chosen.map((c, i) => (i === index ? { ...c, role: event.target.value } : c)))}>
                  {CODES.involvement
                    .filter((code) => code !== 'reporter')
                    .map((code) => (
                      <option key={code} value={code}>
                        {words(t, 'involvement', code)}
                      </option>
                    ))}
                </select>
              </label>
              <button type="button" onClick={() => setChosen(chosen.filter((_, i) => i !== index))}>
                {t('report.remove', { name: person.name })}
              </button>
            </div>
          ))}
        </fieldset>
        <label>
          {t('field.category')}
          <select value={category} onChange={(event) => setCategory(event.target.value)}>
            {PUPIL_CATEGORIES.map((code) => (
              <option key={code} value={code}>
                {words(t, 'category', code)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('report.when')}
          <input type="datetime-local" required value={when} onChange={(event) => setWhen(event.target.value)} />
        </label>
        <label>
          {t('report.what')}
          <textarea required rows={4} value={summary} onChange={(event) => setSummary(event.target.value)} />
        </label>
        <Problem error={error} />
        <button type="submit" disabled={!school || chosen.length === 0}>
          {t('report.submit')}
        </button>
      </form>
    </section>
  );
}

import { type FormEvent, useState } from 'react';
import { get, post } from '../api/client';
import type { CommandAnswer, Person } from '../api/types';
import { CommandForm } from '../components/command-form';
import { PersonSearch } from '../components/person-search';
import { amsterdamLocal, dateTime, momentOf } from '../format';
import { useI18n } from '../i18n/i18n';
import { hasRole, useMe } from '../me';
import { Problem } from '../problem';
import { SchoolChoice, useMySchools } from '../school-choice';
import { useLoad } from '../use-load';
import { pupilsOf } from './report';

interface Preview {
  readonly offenceNumber?: number;
  readonly custodyUntil?: string;
  readonly informsParents?: boolean;
  readonly refused?: { readonly rule: string; readonly detail: string };
}

/**
 * A device into custody (M1–M5) and back (M6). Before confirming, the API's preview says which offence of this school
 * year it is and until when the device stays (M1: end of the school day; M2: longer, parents informed; M3: the
 * director sets the period); then the same command decides again when it is sent.
 */
export function DevicesPage() {
  const { t } = useI18n();
  const me = useMe();
  const schools = useMySchools();
  const [schoolId, setSchoolId] = useState<string>();
  const school = schoolId ?? schools.data?.[0]?.schoolId;
  const [pupil, setPupil] = useState<Person>();
  const [taken, setTaken] = useState(0);
  const [position, setPosition] = useState<number>();
  return (
    <section aria-labelledby="devices-title" className="narrow">
      <h1 id="devices-title">{t('devices.title')}</h1>
      <p>{t('devices.intro')}</p>
      <Problem error={schools.error} />
      {schools.data && schools.data.length > 1 && <SchoolChoice schools={schools.data} value={school ?? ''} onChange={setSchoolId} />}
      {school && !pupil && <PersonSearch label="devices.findPupil" search={pupilsOf(school)} onPick={setPupil} />}
      {school && pupil && (
        <>
          <p>
            {t('devices.pupil', { name: pupil.name })}{' '}
            <button type="button" onClick={() => setPupil(undefined)}>
              {t('devices.otherPupil')}
            </button>
          </p>
          <CustodyForm
            key={pupil.personId}
            schoolId={school}
            pupil={pupil}
            onTaken={(at) => {
              setPosition(at);
              setTaken((n) => n + 1);
            }}
          />
          {hasRole(me, 'director', 'board') && <InCustody key={`returns-${pupil.personId}-${taken}`} pupilId={pupil.personId} waitFor={position} />}
        </>
      )}
    </section>
  );
}

function CustodyForm({ schoolId, pupil, onTaken }: { schoolId: string; pupil: Person; onTaken: (position: number) => void }) {
  const { t, language } = useI18n();
  const [device, setDevice] = useState(t('devices.phone'));
  const [damage, setDamage] = useState(t('devices.noDamage'));
  const [working, setWorking] = useState(true);
  const [present, setPresent] = useState(false);
  const [off, setOff] = useState(false);
  const [takenAt, setTakenAt] = useState(amsterdamLocal);
  const [until, setUntil] = useState('');
  const [preview, setPreview] = useState<Preview>();
  const [error, setError] = useState<unknown>();
  const [answer, setAnswer] = useState<CommandAnswer>();
  const moments = () => ({ takenAt: momentOf(takenAt), ...(until ? { custodyUntil: momentOf(until) } : {}) });
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    try {
      if (!preview || preview.refused) {
        const query = new URLSearchParams({ schoolId, ...moments() });
        setPreview(await get<Preview>(`/pupils/${encodeURIComponent(pupil.personId)}/device-custody/preview?${query.toString()}`));
        setError(undefined);
        return;
      }
      const body = { schoolId, device, conditionChecked: { damage, working }, pupilPresent: present, switchedOff: off, ...moments() };
      const taken = await post<CommandAnswer>(`/pupils/${encodeURIComponent(pupil.personId)}/device-custody`, body);
      setAnswer(taken);
      setError(undefined);
      onTaken(taken.position);
    } catch (failure) {
      setPreview(undefined);
      setError(failure);
    }
  };
  const changed =
    <T,>(set: (value: T) => void) =>
    (value: T) => {
      set(value);
      setPreview(undefined); // another moment or period: preview again before confirming
    };
  if (answer)
    return (
      <p role="status" className="saved">
        {t('devices.taken', { n: answer.offenceNumber ?? 0, when: answer.custodyUntil ? dateTime(answer.custodyUntil, language) : '' })}
      </p>
    );
  return (
    <form onSubmit={(event) => void submit(event)} aria-labelledby="custody-title" className="command">
      <h2 id="custody-title">{t('devices.take')}</h2>
      <label>
        {t('field.device')}
        <input type="text" required value={device} onChange={(event) => setDevice(event.target.value)} />
      </label>
      <fieldset>
        <legend>{t('devices.check')}</legend>
        <label>
          {t('field.damage')}
          <input type="text" required value={damage} onChange={(event) => setDamage(event.target.value)} />
        </label>
        <label className="check">
          <input type="checkbox" checked={working} onChange={(event) => setWorking(event.target.checked)} />
          {t('field.working')}
        </label>
        <label className="check">
          <input type="checkbox" required checked={present} onChange={(event) => setPresent(event.target.checked)} />
          {t('field.pupilPresent')}
        </label>
        <label className="check">
          <input type="checkbox" required checked={off} onChange={(event) => setOff(event.target.checked)} />
          {t('field.switchedOff')}
        </label>
      </fieldset>
      <label>
        {t('field.takenAt')}
        <input type="datetime-local" required value={takenAt} onChange={(event) => changed(setTakenAt)(event.target.value)} />
      </label>
      <label>
        {`${t('field.custodyUntil')} ${t('common.optional')}`}
        <input type="datetime-local" value={until} onChange={(event) => changed(setUntil)(event.target.value)} aria-describedby="until-hint" />
        <span id="until-hint" className="muted">
          {t('devices.untilHint')}
        </span>
      </label>
      {preview && (
        <div role="status" className={preview.refused ? 'problem' : 'confirm'}>
          {preview.refused ? (
            <p>{t('common.refused', { rule: preview.refused.rule, detail: preview.refused.detail })}</p>
          ) : (
            <>
              <p>
                <strong>{t('devices.offence', { n: preview.offenceNumber ?? 0 })}</strong>{' '}
                {t('devices.until', { when: dateTime(preview.custodyUntil!, language) })}
              </p>
              {preview.informsParents && <p>{t('devices.informParents')}</p>}
            </>
          )}
        </div>
      )}
      <Problem error={error} />
      <button type="submit">{preview && !preview.refused ? t('devices.confirm') : t('devices.check.submit')}</button>
    </form>
  );
}

/** The pupil's devices still in custody (the pupil file, director and board), each with its return (M6). */
function InCustody({ pupilId, waitFor }: { pupilId: string; waitFor?: number }) {
  const { t } = useI18n();
  const [position, setPosition] = useState(waitFor);
  const { data, error } = useLoad(
    'devices',
    () => get<{ deviceCustody: { inCustody: string[] } }>(`/pupils/${encodeURIComponent(pupilId)}/file${position ? `?waitForPosition=${position}` : ''}`),
    [pupilId, position],
  );
  return (
    <section aria-labelledby="returns-title">
      <h2 id="returns-title">{t('devices.inCustody')}</h2>
      <Problem error={error} />
      {data && data.deviceCustody.inCustody.length === 0 && <p>{t('devices.noneInCustody')}</p>}
      {data?.deviceCustody.inCustody.map((custodyId) => (
        <CommandForm
          key={custodyId}
          spec={{
            id: `return-${custodyId}`,
            title: 'command.return',
            path: `/device-custody/${custodyId}/return`,
            fields: [
              { name: 'returnedTo', kind: 'code', codes: ['pupil', 'parent'] },
              { name: 'returnedAt', kind: 'moment' },
            ],
          }}
          onDone={(answer) => setPosition((answer as CommandAnswer).position)}
        />
      ))}
    </section>
  );
}

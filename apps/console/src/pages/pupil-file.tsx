import { useState } from 'react';
import { get } from '../api/client';
import type { CommandAnswer, Page, Person } from '../api/types';
import { CommandForm } from '../components/command-form';
import { type FileLine, FileLines } from '../components/file-lines';
import { PersonSearch } from '../components/person-search';
import { useI18n } from '../i18n/i18n';
import { hasRole, useMe } from '../me';
import { Problem } from '../problem';
import { navigateState, useLocation } from '../routing';
import { useLoad } from '../use-load';

interface PupilFile {
  readonly pupilId: string;
  readonly schools: readonly string[];
  readonly incidents: readonly FileLine[];
  readonly measures: readonly FileLine[];
  readonly deviceCustody: { readonly history: readonly FileLine[]; readonly offencesThisSchoolYear: number; readonly inCustody: readonly string[] };
  readonly emailAccount: { readonly suspendedUntil: string | null; readonly actions: readonly FileLine[] };
  readonly correspondence: readonly FileLine[];
  readonly parentNotifications: readonly FileLine[];
}

/** Find people of a kind by the start of a name (`GET /directory/people`; names opened for the caller, logged). */
export const directorySearch = (kind: 'pupil' | 'staff' | 'parent' | undefined) => async (q: string) =>
  (await get<Page<Person>>(`/directory/people?limit=20${kind ? `&kind=${kind}` : ''}${q ? `&q=${encodeURIComponent(q)}` : ''}`)).items;

/**
 * The pupil file (director of the school, board, legal): every case, measure, device and account action of the
 * pupil. The pupil is chosen here and kept in the history entry, never in the address; every read is logged.
 */
export function PupilFilePage() {
  const { t } = useI18n();
  const { state } = useLocation();
  const pupilId = state?.pupilId;
  return (
    <section aria-labelledby="pupil-title">
      <h1 id="pupil-title">{state?.name ? t('pupil.titleOf', { name: state.name }) : t('pupil.title')}</h1>
      <PersonSearch label="pupil.find" search={directorySearch('pupil')} onPick={(person) => navigateState({ pupilId: person.personId, name: person.name })} />
      {pupilId && <PupilFileView key={pupilId} pupilId={pupilId} />}
    </section>
  );
}

function PupilFileView({ pupilId }: { pupilId: string }) {
  const { t } = useI18n();
  const me = useMe();
  const [position, setPosition] = useState<number>();
  const { data, error } = useLoad(
    'pupil-file',
    () => get<PupilFile>(`/pupils/${encodeURIComponent(pupilId)}/file${position ? `?waitForPosition=${position}` : ''}`),
    [pupilId, position],
  );
  if (error) return <Problem error={error} />;
  if (!data) return <p>{t('common.loading')}</p>;
  const done = (answer: unknown) => setPosition((answer as CommandAnswer).position);
  const schoolId = data.schools[0];
  return (
    <>
      <FileLines title={t('pupil.incidents')} lines={data.incidents} />
      <FileLines title={t('pupil.measures')} lines={data.measures} />
      <section>
        <h2>{t('pupil.devices')}</h2>
        <p>{t('pupil.offences', { n: data.deviceCustody.offencesThisSchoolYear })}</p>
        {hasRole(me, 'director', 'board') &&
          data.deviceCustody.inCustody.map((custodyId) => (
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
              onDone={done}
            />
          ))}
      </section>
      <FileLines title={t('pupil.deviceHistory')} lines={data.deviceCustody.history} />
      <FileLines title={t('pupil.email')} lines={data.emailAccount.actions} />
      {data.emailAccount.suspendedUntil && <p>{t('pupil.suspendedUntil', { day: data.emailAccount.suspendedUntil })}</p>}
      {hasRole(me, 'director', 'board') && schoolId && (
        <details>
          <summary>{t('pupil.emailActions')}</summary>
          <CommandForm
            spec={{
              id: 'email-suspension',
              title: 'command.emailSuspension',
              path: `/pupils/${encodeURIComponent(pupilId)}/email-account/suspensions`,
              fields: [
                { name: 'ground', kind: 'code', codes: ['unlawful-activity', 'irresponsible-use', 'bullying'] },
                { name: 'until', kind: 'day' },
                { name: 'reason', kind: 'textarea' },
              ],
              body: (values) => ({ ...values, schoolId }),
            }}
            onDone={done}
          />
          <CommandForm
            spec={{
              id: 'email-warning',
              title: 'command.emailWarning',
              path: `/pupils/${encodeURIComponent(pupilId)}/email-account/warnings`,
              fields: [{ name: 'reason', kind: 'textarea' }],
              body: (values) => ({ ...values, schoolId }),
            }}
            onDone={done}
          />
        </details>
      )}
      <FileLines title={t('pupil.correspondence')} lines={data.correspondence} />
      <FileLines title={t('pupil.notifications')} lines={data.parentNotifications} />
    </>
  );
}

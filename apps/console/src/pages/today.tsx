import { get } from '../api/client';
import type { WorkItem } from '../api/types';
import { dateTime } from '../format';
import { useI18n, words } from '../i18n/i18n';
import { Problem } from '../problem';
import { hasRole, useMe } from '../me';
import { Link } from '../routing';
import { schoolNames } from '../schools';
import { useLoad } from '../use-load';

/** A device due back is nobody's case: its link is the pupil's file, where the return is recorded (the pupil in the history entry, not the address). */
function AboutPerson({ item }: { item: WorkItem }) {
  const { t } = useI18n();
  if (item.kind !== 'device-return' || !item.personId) return <>—</>;
  return (
    <Link to="/leerlingen" state={{ pupilId: item.personId, name: item.personName ?? item.personId }}>
      {t('today.toPupilFile')}
    </Link>
  );
}

/** "Vandaag": the caller's work queue (`GET /work`), overdue first, each item linking to its case. */
export function TodayPage() {
  const { t, language } = useI18n();
  const me = useMe();
  const { data, error } = useLoad('today', async () => ({ work: await get<{ items: WorkItem[] }>('/work'), schools: await schoolNames() }), []);
  return (
    <section aria-labelledby="today-title">
      <h1 id="today-title">{t('today.title')}</h1>
      <p>{t('today.intro')}</p>
      {hasRole(me, 'teacher', 'director') && (
        <p className="buttons">
          <Link to="/melden" className="button">
            {t('nav.report')}
          </Link>
          <Link to="/toestellen" className="button">
            {t('nav.devices')}
          </Link>
        </p>
      )}
      <Problem error={error} />
      {!data && !error && <p>{t('common.loading')}</p>}
      {data && data.work.items.length === 0 && <p>{t('today.empty')}</p>}
      {data && data.work.items.length > 0 && (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('today.col.what')}</th>
              <th scope="col">{t('today.col.case')}</th>
              <th scope="col">{t('today.col.school')}</th>
              <th scope="col">{t('today.col.due')}</th>
            </tr>
          </thead>
          <tbody>
            {data.work.items.map((item, index) => (
              <tr key={`${item.kind}-${item.obligationId ?? item.caseId ?? index}`} className={item.overdue ? 'overdue' : undefined}>
                <td>
                  {words(t, 'work', item.kind)}
                  {item.personName && <> — {item.personName}</>}
                </td>
                <td>{item.caseId ? <Link to={`/zaken/${item.caseId}`}>{item.caseNumber ?? t('case.unnumbered')}</Link> : <AboutPerson item={item} />}</td>
                <td>{item.schoolId ? (data.schools.get(item.schoolId) ?? item.schoolId) : '—'}</td>
                <td>
                  {item.overdue && <strong className="badge">{t('today.overdue')}</strong>}{' '}
                  {item.dueAt ? t('today.due', { when: dateTime(item.dueAt, language) }) : t('today.noDue')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

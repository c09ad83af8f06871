import { get } from '../api/client';
import type { WorkItem } from '../api/types';
import { dateTime } from '../format';
import { type TextKey, useI18n, words } from '../i18n/i18n';
import { Problem } from '../problem';
import { Link } from '../routing';
import { schoolNames } from '../schools';
import { useLoad } from '../use-load';

/** The national confidential inspectors' line (vertrouwensinspecteurs, B1): shown wherever a call is due. */
export const INSPECTOR_PHONE = '0900-1113111';

/** The board's decisions by kind, in the order the protocol's urgency puts them. */
const DECISIONS: readonly (readonly [TextKey, readonly string[]])[] = [
  ['decisions.inspector', ['inspector-call', 'inspector-call-policy', 'inspector-call-statutory']],
  ['decisions.qualification', ['qualification']],
  ['decisions.criminal', ['criminal-report-decision', 'police-report', 'inform-parents-before-police-report', 'inform-accused-before-police-report']],
  [
    'decisions.removal',
    ['removal-decision', 'removal-placement', 'removal-reconsideration-window', 'report-removal-to-inspectorate', 'inform-attendance-officer'],
  ],
  ['decisions.objection', ['decide-objection']],
  ['decisions.staff', ['staff-case', 'dismissal-procedure', 'disciplinary-decision']],
];

const WORKING_DAY_MS = 24 * 3600 * 1000;

/**
 * What waits for the board's decision (`GET /work` as the board): inspector calls first — those due within a working
 * day with the phone number to call — then qualifications, criminal reports, removals, objections and staff cases.
 */
export function DecisionsPage() {
  const { t, language } = useI18n();
  // "Due soon" is judged at the moment the list was read, not at each render (a render is pure).
  const { data, error } = useLoad(
    'decisions',
    async () => ({ work: await get<{ items: WorkItem[] }>('/work'), schools: await schoolNames(), readAt: Date.now() }),
    [],
  );
  const known = new Set(DECISIONS.flatMap(([, kinds]) => kinds));
  const groups: (readonly [TextKey, readonly string[]])[] = data
    ? [...DECISIONS, ['decisions.other', data.work.items.map((item) => item.kind).filter((kind) => !known.has(kind))]]
    : [];
  return (
    <section aria-labelledby="decisions-title">
      <h1 id="decisions-title">{t('decisions.title')}</h1>
      <Problem error={error} />
      {!data && !error && <p>{t('common.loading')}</p>}
      {data && data.work.items.length === 0 && <p>{t('decisions.none')}</p>}
      {groups.map(([title, kinds]) => {
        const items = data!.work.items.filter((item) => kinds.includes(item.kind));
        // Every kind keeps its heading, so "nothing waits" is said, not left to guess; only the catch-all hides.
        if (items.length === 0 && title === 'decisions.other') return null;
        return (
          <section key={title} aria-labelledby={`${title}-title`}>
            <h2 id={`${title}-title`}>{t(title)}</h2>
            {items.length === 0 && <p className="muted">{t('common.none')}</p>}
            {items.length > 0 && (
              <ul className="decisions">
                {items.map((item, index) => {
                  const soon = item.dueAt !== null && Date.parse(item.dueAt) - data!.readAt <= WORKING_DAY_MS;
                  const call = item.kind.startsWith('inspector-call');
                  return (
                    <li key={`${item.kind}-${item.obligationId ?? item.caseId ?? index}`} className={item.overdue ? 'overdue' : undefined}>
                      <strong>{words(t, 'work', item.kind)}</strong> —{' '}
                      {item.caseId ? <Link to={`/zaken/${item.caseId}`}>{item.caseNumber ?? t('case.unnumbered')}</Link> : '—'}
                      {item.schoolId && `, ${data!.schools.get(item.schoolId) ?? item.schoolId}`}
                      {item.dueAt && <span>, {t('today.due', { when: dateTime(item.dueAt, language) })}</span>}
                      {item.overdue && <strong className="badge"> {t('today.overdue')}</strong>}
                      {call && (soon || item.overdue) && (
                        <p className="call">
                          {t('decisions.callNow')} <a href={`tel:${INSPECTOR_PHONE}`}>{INSPECTOR_PHONE}</a>
                        </p>
                      )}
                    </li>
                  );
                })}
              </ul>
            )}
          </section>
        );
      })}
    </section>
  );
}

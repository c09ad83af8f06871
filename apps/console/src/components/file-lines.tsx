import { dateTime } from '../format';
import { useI18n, words } from '../i18n/i18n';
import { Link } from '../routing';

/** A line of a pupil or personnel file: what happened (`kind`), when, in which case, and its codes. */
export type FileLine = Readonly<Record<string, unknown>> & { readonly kind: string; readonly occurredAt?: string; readonly incidentId?: string | null };

/** The codes of a line shown in words; free text (reasons, summaries) only where the file is the place for it. */
const SHOWN: readonly (readonly [string, string])[] = [
  ['category', 'category'],
  ['role', 'involvement'],
  ['measure', 'option.measure'],
  ['qualification', 'option.qualification'],
  ['conclusion', 'option.conclusion'],
  ['channel', 'option.channel'],
  ['direction', 'option.direction'],
  ['ground', 'option.ground'],
  ['returnedTo', 'option.returnedTo'],
];

/** A dossier section as a list, newest last as recorded; each line links to its case when it has one. */
export function FileLines({ title, lines }: { title: string; lines: readonly FileLine[] }) {
  const { t, language } = useI18n();
  return (
    <section>
      <h2>{title}</h2>
      {lines.length === 0 ? (
        <p className="muted">{t('common.none')}</p>
      ) : (
        <ul className="lines">
          {lines.map((line, index) => (
            <li key={`${line.kind}-${String(line.position ?? index)}`}>
              {line.occurredAt && <time dateTime={line.occurredAt}>{dateTime(line.occurredAt, language)}</time>} <strong>{words(t, 'line', line.kind)}</strong>
              {SHOWN.filter(([field]) => typeof line[field] === 'string').map(([field, prefix]) => (
                <span key={field}> · {words(t, prefix, line[field] as string)}</span>
              ))}
              {typeof line.offenceNumber === 'number' && <span> · {t('devices.offence', { n: line.offenceNumber })}</span>}
              {typeof line.custodyUntil === 'string' && <span> · {t('devices.until', { when: dateTime(line.custodyUntil, language) })}</span>}
              {typeof line.reason === 'string' && <span> · {line.reason}</span>}
              {typeof line.summary === 'string' && <span> · {line.summary}</span>}
              {line.incidentId && (
                <>
                  {' '}
                  <Link to={`/zaken/${line.incidentId}`}>{t('common.toCase')}</Link>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

import { type FormEvent, useState } from 'react';
import { download, get } from '../api/client';
import { amsterdamToday } from '../format';
import { useI18n, words } from '../i18n/i18n';
import { Problem } from '../problem';
import { schoolNames } from '../schools';
import { useLoad } from '../use-load';

type Count = number | '< 5';
interface Statistics {
  readonly groupBy: readonly string[];
  readonly rows: readonly (Record<string, string> & { cases: Count; measures: Count })[];
  readonly totals: { readonly cases: Count; readonly measures: Count };
}

const KEYS = ['school', 'category', 'kind', 'month'] as const;
const yearAgo = () => `${Number(amsterdamToday().slice(0, 4)) - 1}${amsterdamToday().slice(4)}`;

/**
 * Statistics (board, legal, directors for their schools): cases and measures per school, category, kind or month,
 * as a bar chart and a table; a count below 5 stays "< 5" (never a number that could name a pupil). CSV download.
 */
export function StatisticsPage() {
  const { t } = useI18n();
  const [query, setQuery] = useState({ from: yearAgo(), to: amsterdamToday(), groupBy: ['school'] as string[] });
  const [draft, setDraft] = useState(query);
  const params = () => new URLSearchParams({ from: query.from, to: query.to, groupBy: query.groupBy.join(',') }).toString();
  const { data, error } = useLoad('statistics', async () => ({ stats: await get<Statistics>(`/statistics?${params()}`), schools: await schoolNames() }), [
    query,
  ]);
  const [csvError, setCsvError] = useState<unknown>();
  const apply = (event: FormEvent) => {
    event.preventDefault();
    setQuery(draft.groupBy.length ? draft : { ...draft, groupBy: ['school'] });
  };
  const label = (row: Record<string, string>) =>
    (data?.stats.groupBy ?? [])
      .map((key) => (key === 'school' ? (data!.schools.get(row[key]!) ?? row[key]) : key === 'month' ? row[key] : words(t, key, row[key] ?? '')))
      .join(' · ');
  return (
    <section aria-labelledby="stats-title">
      <h1 id="stats-title">{t('stats.title')}</h1>
      <form className="filters" onSubmit={apply}>
        <label>
          {t('stats.from')}
          <input type="date" required value={draft.from} onChange={(event) => setDraft({ ...draft, from: event.target.value })} />
        </label>
        <label>
          {t('stats.to')}
          <input type="date" required value={draft.to} onChange={(event) => setDraft({ ...draft, to: event.target.value })} />
        </label>
        <fieldset>
          <legend>{t('stats.groupBy')}</legend>
          {KEYS.map((key) => (
            <label key={key} className="check">
              <input
                type="checkbox"
                checked={draft.groupBy.includes(key)}
                onChange={(event) => setDraft({ ...draft, groupBy: event.target.checked ? [...draft.groupBy, key] : draft.groupBy.filter((k) => k !== key) })}
              />
              {t(`stats.by.${key}`)}
            </label>
          ))}
        </fieldset>
        <button type="submit">{t('stats.show')}</button>
        <button
          type="button"
          onClick={() => void download(`/statistics?${params()}`, 'text/csv', 'casebook-statistiek.csv').then(() => setCsvError(undefined), setCsvError)}
        >
          {t('stats.csv')}
        </button>
      </form>
      <Problem error={error ?? csvError} />
      {data && <Chart rows={data.stats.rows.map((row) => ({ label: label(row), cases: row.cases }))} />}
      {data && (
        <table>
          <caption>{t('stats.caption', { cases: String(data.stats.totals.cases), measures: String(data.stats.totals.measures) })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('stats.group')}</th>
              <th scope="col">{t('stats.cases')}</th>
              <th scope="col">{t('stats.measures')}</th>
            </tr>
          </thead>
          <tbody>
            {data.stats.rows.map((row) => (
              <tr key={label(row)}>
                <th scope="row">{label(row)}</th>
                <td>{row.cases}</td>
                <td>{row.measures}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** Cases per group as horizontal bars (SVG); "< 5" drawn as a short hatched bar, its words beside it. */
function Chart({ rows }: { rows: readonly { label: string; cases: Count }[] }) {
  const { t } = useI18n();
  if (rows.length === 0) return <p>{t('stats.empty')}</p>;
  const max = Math.max(5, ...rows.map((row) => (typeof row.cases === 'number' ? row.cases : 4)));
  const bar = 22;
  const width = 640;
  const labelWidth = 260;
  return (
    <svg role="img" aria-label={t('stats.chart')} viewBox={`0 0 ${width} ${rows.length * (bar + 6) + 6}`} className="chart">
      <defs>
        <pattern id="few" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
          <rect width="3" height="6" fill="#0b3d6e" />
        </pattern>
      </defs>
      {rows.map((row, i) => {
        const y = 6 + i * (bar + 6);
        const value = typeof row.cases === 'number' ? row.cases : 4;
        const length = ((width - labelWidth - 60) * value) / max;
        return (
          <g key={row.label}>
            <text x={labelWidth - 8} y={y + bar * 0.7} textAnchor="end" fontSize="13" fill="#1a1a1a">
              {row.label.length > 34 ? `${row.label.slice(0, 33)}…` : row.label}
            </text>
            <rect x={labelWidth} y={y} width={Math.max(2, length)} height={bar} fill={typeof row.cases === 'number' ? '#0b3d6e' : 'url(#few)'} />
            <text x={labelWidth + Math.max(2, length) + 6} y={y + bar * 0.7} fontSize="13" fill="#1a1a1a">
              {String(row.cases)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

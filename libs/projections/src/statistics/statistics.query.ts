import type { DataSource } from 'typeorm';

const schemaOf = (source: DataSource): string => `"${(source.options as { schema?: string }).schema}"`;

export type StatisticsKey = 'school' | 'category' | 'kind' | 'month';
export const STATISTICS_KEYS: readonly StatisticsKey[] = ['school', 'category', 'kind', 'month'];
/** domain.md "statistics": a count below this is never shown exactly. */
export const SMALL_COUNT = 5;
export const SUPPRESSED = '< 5';
export type ShownCount = number | typeof SUPPRESSED;

export interface StatisticsRow {
  readonly school?: string;
  readonly category?: string;
  readonly kind?: string;
  readonly month?: string;
  readonly cases: ShownCount;
  readonly measures: ShownCount;
}

export interface Statistics {
  readonly groupBy: readonly StatisticsKey[];
  readonly rows: readonly StatisticsRow[];
  readonly totals: { readonly cases: ShownCount; readonly measures: ShownCount };
}

/** SQL of each key: cases by their report (month in the board's time zone), measures by their case and their own month. */
const CASE_KEY: Readonly<Record<StatisticsKey, string>> = {
  school: 'c.school_id',
  category: 'c.category',
  kind: 'c.kind',
  month: `to_char(c.reported_at AT TIME ZONE 'Europe/Amsterdam', 'YYYY-MM')`,
};
const MEASURE_KEY: Readonly<Record<StatisticsKey, string>> = { ...CASE_KEY, month: `to_char(m.imposed_at AT TIME ZONE 'Europe/Amsterdam', 'YYYY-MM')` };

/**
 * Small counts hidden (domain.md "statistics", AVG art. 89: statistics about children must not single one out): a
 * count of 1–4 is shown as "< 5"; and where a column would then hide exactly one cell, the next smallest is hidden
 * too, so the total minus the others does not give it back. A total below 5 is hidden as well.
 */
export function suppressSmallCounts(counts: readonly number[]): ShownCount[] {
  const small = (n: number) => n > 0 && n < SMALL_COUNT;
  const shown: ShownCount[] = counts.map((n) => (small(n) ? SUPPRESSED : n));
  if (counts.filter(small).length === 1) {
    const next = counts
      .map((n, i) => [n, i] as const)
      .filter(([n]) => n >= SMALL_COUNT)
      .sort((a, b) => a[0] - b[0])[0];
    if (next) shown[next[1]] = SUPPRESSED;
  }
  return shown;
}

const total = (n: number): ShownCount => (n > 0 && n < SMALL_COUNT ? SUPPRESSED : n);

/**
 * `GET /statistics`: counts of cases and of measures (not withdrawn) per the chosen keys, for reports in the period
 * `[from, to)`, in the given schools (undefined: every school). No ids, no names: counts only.
 */
export async function findStatistics(
  source: DataSource,
  query: { readonly groupBy: readonly StatisticsKey[]; readonly from?: Date; readonly to?: Date; readonly schools?: readonly string[] },
): Promise<Statistics> {
  const schema = schemaOf(source);
  const keys = STATISTICS_KEYS.filter((key) => query.groupBy.includes(key));
  const params: unknown[] = [];
  const bind = (value: unknown) => `$${params.push(value)}`;
  const caseWhere = ['true'];
  const measureWhere = ['NOT m.withdrawn'];
  if (query.schools) {
    const schools = bind([...query.schools]);
    caseWhere.push(`c.school_id = ANY(${schools}::text[])`);
    measureWhere.push(`c.school_id = ANY(${schools}::text[])`);
  }
  if (query.from) {
    const from = bind(query.from.toISOString());
    caseWhere.push(`c.reported_at >= ${from}`);
    measureWhere.push(`m.imposed_at >= ${from}`);
  }
  if (query.to) {
    const to = bind(query.to.toISOString());
    caseWhere.push(`c.reported_at < ${to}`);
    measureWhere.push(`m.imposed_at < ${to}`);
  }
  const select = (table: Readonly<Record<StatisticsKey, string>>) => keys.map((key, i) => `${table[key]} AS k${i}`);
  const group = keys.length ? `GROUP BY ${keys.map((_, i) => `k${i}`).join(', ')}` : '';
  const caseRows = (await source.query(
    `SELECT ${[...select(CASE_KEY), 'count(*)::int AS n'].join(', ')} FROM ${schema}.cases c WHERE ${caseWhere.join(' AND ')} ${group}`,
    params,
  )) as Record<string, unknown>[];
  const measureRows = (await source.query(
    `SELECT ${[...select(MEASURE_KEY), 'count(*)::int AS n'].join(', ')} FROM ${schema}.case_measures m JOIN ${schema}.cases c ON c.incident_id = m.incident_id WHERE ${measureWhere.join(' AND ')} ${group}`,
    params,
  )) as Record<string, unknown>[];

  const groups = new Map<string, { values: string[]; cases: number; measures: number }>();
  const add = (rows: Record<string, unknown>[], field: 'cases' | 'measures') => {
    for (const row of rows) {
      const values = keys.map((_, i) => String(row[`k${i}`]));
      const id = JSON.stringify(values);
      const entry = groups.get(id) ?? { values, cases: 0, measures: 0 };
      entry[field] += Number(row['n']);
      groups.set(id, entry);
    }
  };
  add(caseRows, 'cases');
  add(measureRows, 'measures');
  const entries = [...groups.values()]
    .filter((entry) => entry.cases + entry.measures > 0)
    .sort((a, b) => (JSON.stringify(a.values) < JSON.stringify(b.values) ? -1 : 1));
  const cases = suppressSmallCounts(entries.map((entry) => entry.cases));
  const measures = suppressSmallCounts(entries.map((entry) => entry.measures));
  const rows = entries.map((entry, i) => ({ ...Object.fromEntries(keys.map((key, k) => [key, entry.values[k]])), cases: cases[i]!, measures: measures[i]! }));
  const sum = (field: 'cases' | 'measures') => entries.reduce((n, entry) => n + entry[field], 0);
  return { groupBy: keys, rows, totals: { cases: total(sum('cases')), measures: total(sum('measures')) } };
}

/** The same as CSV (RFC 4180): the keys, then cases and measures; `< 5` as it is shown. */
export function statisticsCsv(statistics: Statistics): string {
  const quote = (value: unknown) => {
    // A cell a spreadsheet would evaluate (=, +, -, @, tab, return first) is written as text: a leading apostrophe
    // (OWASP, CSV injection). Numbers stay numbers; the counts are never negative.
    const raw = String(value);
    const text = typeof value !== 'number' && /^[=+\-@\t\r]/.test(raw) ? `'${raw}` : raw;
    return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  const header = [...statistics.groupBy, 'cases', 'measures'];
  const lines = statistics.rows.map((row) => header.map((column) => quote((row as unknown as Record<string, unknown>)[column])).join(','));
  return [header.join(','), ...lines].join('\r\n') + '\r\n';
}

import { NOT_THE_SCHOOLS } from '@casebook/incidents';
import type { DataSource } from 'typeorm';

const schemaOf = (source: DataSource): string => `"${(source.options as { schema?: string }).schema}"`;
const THEIRS = [...NOT_THE_SCHOOLS];
/** rule CI1: the roles that keep a person from a case (the `reporter` role does not; being heard does). */
const EXCLUDING = ['perpetrator', 'victim', 'witness', 'heard'];

export interface CaseloadFilter {
  readonly schoolId?: string;
  readonly kind?: string;
  readonly category?: string;
  readonly status?: 'open' | 'closed';
  /** Reported at or after this moment. */
  readonly from?: Date;
  /** Reported before this moment. */
  readonly to?: Date;
  readonly personId?: string;
  readonly ownerId?: string;
  readonly caseNumber?: string;
  readonly overdue?: boolean;
}

/**
 * Which cases a caller may list (the authorization table's readIncident row, as a filter): every case (board,
 * legal); the cases of some schools (director); staff cases (HR); its own reports at its schools (teacher). A caller
 * holding several roles sees the union. The viewer's id serves CI1.
 */
export interface CaseloadScope {
  readonly viewerId: string;
  readonly all: boolean;
  readonly schools: readonly string[];
  readonly staffCases: boolean;
  readonly ownReportsAt: readonly string[];
}

export interface CaseloadCursor {
  readonly reportedAt: string;
  readonly incidentId: string;
}

export interface CaseloadItem {
  readonly id: string;
  readonly caseNumber: string | null;
  readonly kind: string;
  readonly schoolId: string;
  readonly category: string;
  readonly status: 'open' | 'closed';
  readonly ownerId: string | null;
  readonly reportedAt: string;
  readonly lastChangedAt: string;
  readonly openObligations: number;
  readonly overdueObligations: number;
}

/** SQL parameters in order: `bind(value)` gives the placeholder. */
class Params {
  readonly values: unknown[] = [];
  bind(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/** The scope and CI1 as a predicate on `c` (the cases table). */
function visibleTo(scope: CaseloadScope, schema: string, params: Params): string {
  const viewer = params.bind(scope.viewerId);
  const ways: string[] = [];
  if (scope.all) ways.push('true');
  if (scope.schools.length) ways.push(`c.school_id = ANY(${params.bind([...scope.schools])}::text[])`);
  if (scope.staffCases) ways.push(`c.kind = 'staff-misconduct'`);
  if (scope.ownReportsAt.length) ways.push(`(c.reported_by = ${viewer} AND c.school_id = ANY(${params.bind([...scope.ownReportsAt])}::text[]))`);
  const scoped = ways.length ? `(${ways.join(' OR ')})` : 'false';
  // rule CI1: not listed to someone the case is about or who was heard in it — unless they reported it and are not its perpetrator.
  const role = (roles: string[]) =>
    `EXISTS (SELECT 1 FROM ${schema}.case_people p WHERE p.incident_id = c.incident_id AND p.person_id = ${viewer} AND p.role = ANY(${params.bind(roles)}::text[]))`;
  return `${scoped} AND (NOT ${role(EXCLUDING)} OR (c.reported_by = ${viewer} AND NOT ${role(['perpetrator'])}))`;
}

const openNow = (schema: string, now: string, theirs: string) =>
  `SELECT count(*)::int FROM ${schema}.case_obligations o WHERE o.incident_id = c.incident_id AND o.closed_at IS NULL AND NOT (o.kind = ANY(${theirs}::text[]) AND o.due_at < ${now})`;
const overdueNow = (schema: string, now: string, theirs: string) =>
  `SELECT count(*)::int FROM ${schema}.case_obligations o WHERE o.incident_id = c.incident_id AND o.closed_at IS NULL AND o.due_at < ${now} AND NOT o.kind = ANY(${theirs}::text[])`;

/**
 * `GET /incidents`: the cases the caller may see, newest first, one page after `after`. Open obligations count the
 * school's own open ones (a parents' window that passed has lapsed); overdue ones are those past due — as the
 * obligations list counts them.
 */
export async function findCaseload(
  source: DataSource,
  query: { readonly filter: CaseloadFilter; readonly scope: CaseloadScope; readonly now: Date; readonly limit: number; readonly after?: CaseloadCursor },
): Promise<{ items: CaseloadItem[]; next: CaseloadCursor | null }> {
  const schema = schemaOf(source);
  const params = new Params();
  const { filter } = query;
  const now = params.bind(query.now.toISOString());
  const theirs = params.bind(THEIRS);
  const where = [visibleTo(query.scope, schema, params)];
  if (filter.schoolId) where.push(`c.school_id = ${params.bind(filter.schoolId)}`);
  if (filter.kind) where.push(`c.kind = ${params.bind(filter.kind)}`);
  if (filter.category) where.push(`c.category = ${params.bind(filter.category)}`);
  if (filter.status) where.push(`c.status = ${params.bind(filter.status)}`);
  if (filter.from) where.push(`c.reported_at >= ${params.bind(filter.from.toISOString())}`);
  if (filter.to) where.push(`c.reported_at < ${params.bind(filter.to.toISOString())}`);
  if (filter.ownerId) where.push(`c.owner_id = ${params.bind(filter.ownerId)}`);
  if (filter.caseNumber) where.push(`c.case_number = ${params.bind(filter.caseNumber)}`);
  if (filter.personId)
    where.push(`EXISTS (SELECT 1 FROM ${schema}.case_people p WHERE p.incident_id = c.incident_id AND p.person_id = ${params.bind(filter.personId)})`);
  if (filter.overdue) where.push(`(${overdueNow(schema, now, theirs)}) > 0`);
  if (query.after) where.push(`(c.reported_at, c.incident_id) < (${params.bind(query.after.reportedAt)}::timestamptz, ${params.bind(query.after.incidentId)})`);
  const rows = (await source.query(
    `SELECT c.incident_id, c.case_number, c.kind, c.school_id, c.category, c.status, c.owner_id, c.reported_at, c.last_changed_at,
            to_char(c.reported_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS cursor_at,
            (${openNow(schema, now, theirs)}) AS open_obligations, (${overdueNow(schema, now, theirs)}) AS overdue_obligations
       FROM ${schema}.cases c
      WHERE ${where.join(' AND ')}
      ORDER BY c.reported_at DESC, c.incident_id DESC
      LIMIT ${params.bind(query.limit + 1)}`,
    params.values,
  )) as {
    incident_id: string;
    case_number: string | null;
    kind: string;
    school_id: string;
    category: string;
    status: 'open' | 'closed';
    owner_id: string | null;
    reported_at: Date | string;
    last_changed_at: Date | string;
    cursor_at: string;
    open_obligations: number;
    overdue_obligations: number;
  }[];
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: page.map((row) => ({
      id: row.incident_id,
      caseNumber: row.case_number,
      kind: row.kind,
      schoolId: row.school_id,
      category: row.category,
      status: row.status,
      ownerId: row.owner_id,
      reportedAt: new Date(row.reported_at).toISOString(),
      lastChangedAt: new Date(row.last_changed_at).toISOString(),
      openObligations: Number(row.open_obligations),
      overdueObligations: Number(row.overdue_obligations),
    })),
    next: rows.length > query.limit && last ? { reportedAt: last.cursor_at, incidentId: last.incident_id } : null,
  };
}

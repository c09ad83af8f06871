import type { ObligationKind } from '@casebook/incidents';
import type { DataSource } from 'typeorm';
import { findInspectorQueue } from '../inspector-queue/inspector-queue.query';
import { findObligations } from '../obligations/obligations.query';

const schemaOf = (source: DataSource): string => `"${(source.options as { schema?: string }).schema}"`;

/**
 * Whose each obligation is (domain.md "work queue"): the director's — parents to inform, devices due back, the
 * Inspectorate report of a suspension; the board's — police reports and the notices before them, the removal's
 * placement, Inspectorate, attendance officer and objection. The inspector calls come from the inspector queue, and
 * the parents' objection window is theirs, nobody's work.
 */
export const DIRECTOR_OBLIGATIONS: readonly ObligationKind[] = ['inform-parents', 'device-return', 'report-suspension-to-inspectorate'];
export const BOARD_OBLIGATIONS: readonly ObligationKind[] = [
  'police-report',
  'inform-parents-before-police-report',
  'inform-accused-before-police-report',
  'removal-placement',
  'report-removal-to-inspectorate',
  'inform-attendance-officer',
  'decide-objection',
];

export type WorkKind =
  | ObligationKind
  | 'inspector-call'
  | 'scope-assessment'
  | 'qualification'
  | 'criminal-report-decision'
  | 'removal-decision'
  | 'staff-case'
  | 'owned-case'
  | 'legal-hold'
  | 'retention-due';

/** One thing that waits for the caller (api.md "Caseload and work"), linking to its case and its obligation. */
export interface WorkItem {
  readonly kind: WorkKind;
  readonly caseId: string | null;
  readonly caseNumber: string | null;
  readonly schoolId: string | null;
  readonly dueAt: string | null;
  readonly overdue: boolean;
  readonly obligationId?: string;
  /** A criminal-report decision or a removal intention the board decides. */
  readonly decisionId?: string;
  /** The person it is about: the pupil whose device is due back (M6); retention: the person whose period ended. */
  readonly personId?: string;
  /** That person's name, opened for the caller by the api (console: whose phone to give back). */
  readonly personName?: string;
}

export interface WorkViewer {
  readonly id: string;
  readonly roles: readonly string[];
  readonly schools: readonly string[];
}

export interface WorkSources {
  readonly obligations: DataSource;
  readonly inspectorQueue: DataSource;
  readonly caseload: DataSource;
  readonly privacyRegister: DataSource;
}

const PAGE = 500;

/** Every page of a paged list (a work queue holds all that waits, not one page of it). */
async function all<T>(read: (offset: number) => Promise<T[]>): Promise<T[]> {
  const items: T[] = [];
  for (let offset = 0; ; offset += PAGE) {
    const page = await read(offset);
    items.push(...page);
    if (page.length < PAGE) return items;
  }
}

/**
 * `GET /work`: what waits for the caller now, by role, overdue first, then by due time. Obligation items are the
 * obligations list's own rows (`findObligations`, status open) and inspector calls the inspector queue's (pending),
 * so the three never disagree; done items are gone because those lists no longer hold them. rule CI1: nothing of a
 * case the caller is involved in (they cannot act on it).
 */
export async function findWork(sources: WorkSources, viewer: WorkViewer, now: Date): Promise<WorkItem[]> {
  const has = (role: string) => viewer.roles.includes(role);
  const items: WorkItem[] = [];
  const obligationItems = async (kinds: readonly string[], schools?: readonly string[]) => {
    const open = await all((offset) => findObligations(sources.obligations, { status: 'open', schools, now, limit: PAGE, offset }));
    for (const o of open) {
      if (!kinds.includes(o.kind)) continue;
      // A device is nobody's case: the pupil says whose it is.
      const about = o.kind === 'device-return' && o.pupilId ? { personId: o.pupilId } : {};
      items.push({
        kind: o.kind as ObligationKind,
        caseId: o.incidentId,
        caseNumber: null,
        schoolId: o.schoolId,
        dueAt: o.dueAt,
        overdue: o.status === 'overdue',
        obligationId: o.obligationId,
        ...about,
      });
    }
  };
  if (has('director')) {
    await obligationItems(DIRECTOR_OBLIGATIONS, viewer.schools);
    items.push(
      ...(await waitingCases(
        sources.caseload,
        `c.kind = 'pupil-incident' AND NOT c.scope_assessed AND c.school_id = ANY($1::text[])`,
        [[...viewer.schools]],
        'scope-assessment',
      )),
    );
  }
  if (has('board')) {
    await obligationItems(BOARD_OBLIGATIONS);
    const calls = await all((offset) => findInspectorQueue(sources.inspectorQueue, { status: 'pending', now, limit: PAGE, offset }));
    for (const call of calls)
      items.push({
        kind: 'inspector-call',
        caseId: call.incidentId,
        caseNumber: null,
        schoolId: call.schoolId,
        dueAt: call.dueAt,
        overdue: call.status === 'overdue',
        obligationId: call.itemId,
      });
    items.push(...(await waitingCases(sources.caseload, `c.kind = 'staff-misconduct' AND NOT c.qualified`, [], 'qualification')));
    items.push(...(await pendingDecisions(sources.caseload)));
  }
  if (has('hr')) items.push(...(await waitingCases(sources.caseload, `c.kind = 'staff-misconduct'`, [], 'staff-case')));
  if (has('legal')) items.push(...(await heldCases(sources.privacyRegister)));
  items.push(...(await ownedCases(sources.caseload, viewer.id, now)));
  return ordered(await withCaseFacts(sources.caseload, dropExcluded(items, await excludedCases(sources.caseload, viewer.id))));
}

/** Overdue first, then by due time (no deadline last), then a stable order. */
export function ordered(items: readonly WorkItem[]): WorkItem[] {
  const key = (item: WorkItem) =>
    `${item.overdue ? 0 : 1}|${item.dueAt ?? '9999'}|${item.kind}|${item.caseId ?? ''}|${item.obligationId ?? item.decisionId ?? item.personId ?? ''}`;
  return [...items].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

/** Open cases meeting `condition` (on the cases table `c`), each one item without a deadline. */
async function waitingCases(source: DataSource, condition: string, params: unknown[], kind: WorkKind): Promise<WorkItem[]> {
  const rows = (await source.query(
    `SELECT c.incident_id, c.school_id FROM ${schemaOf(source)}.cases c WHERE c.status = 'open' AND ${condition} ORDER BY c.reported_at`,
    params,
  )) as { incident_id: string; school_id: string }[];
  return rows.map((row) => ({ kind, caseId: row.incident_id, caseNumber: null, schoolId: row.school_id, dueAt: null, overdue: false }));
}

/** The board's open decisions: criminal-report decisions not decided (B2), intended removals not decided (P6). */
async function pendingDecisions(source: DataSource): Promise<WorkItem[]> {
  const rows = (await source.query(
    `SELECT d.decision_id, d.kind, d.incident_id, c.school_id FROM ${schemaOf(source)}.pending_decisions d JOIN ${schemaOf(source)}.cases c ON c.incident_id = d.incident_id
      WHERE NOT d.decided ORDER BY d.opened_at`,
  )) as { decision_id: string; kind: string; incident_id: string; school_id: string }[];
  return rows.map((row) => ({
    kind: row.kind === 'removal' ? 'removal-decision' : 'criminal-report-decision',
    caseId: row.incident_id,
    caseNumber: null,
    schoolId: row.school_id,
    dueAt: null,
    overdue: false,
    decisionId: row.decision_id,
  }));
}

/** The caller's own open cases: due when their first open obligation is, overdue when one of them is. */
async function ownedCases(source: DataSource, ownerId: string, now: Date): Promise<WorkItem[]> {
  const schema = schemaOf(source);
  const rows = (await source.query(
    `SELECT c.incident_id, c.school_id,
            (SELECT min(o.due_at) FROM ${schema}.case_obligations o WHERE o.incident_id = c.incident_id AND o.closed_at IS NULL AND NOT (o.kind = 'removal-reconsideration-window' AND o.due_at < $2)) AS due_at
       FROM ${schema}.cases c WHERE c.owner_id = $1 AND c.status = 'open'`,
    [ownerId, now.toISOString()],
  )) as { incident_id: string; school_id: string; due_at: Date | string | null }[];
  return rows.map((row) => {
    const dueAt = row.due_at === null ? null : new Date(row.due_at);
    return {
      kind: 'owned-case',
      caseId: row.incident_id,
      caseNumber: null,
      schoolId: row.school_id,
      dueAt: dueAt?.toISOString() ?? null,
      overdue: dueAt !== null && dueAt < now,
    };
  });
}

/** Legal: the cases under a legal hold (to be lifted when the matter ends). */
async function heldCases(source: DataSource): Promise<WorkItem[]> {
  const rows = (await source.query(`SELECT incident_id FROM ${schemaOf(source)}.legal_holds WHERE held ORDER BY incident_id`)) as { incident_id: string }[];
  return rows.map((row) => ({ kind: 'legal-hold', caseId: row.incident_id, caseNumber: null, schoolId: null, dueAt: null, overdue: false }));
}

/** rule CI1: the cases the caller is about or was heard in. */
async function excludedCases(source: DataSource, viewerId: string): Promise<ReadonlySet<string>> {
  const rows = (await source.query(`SELECT DISTINCT incident_id FROM ${schemaOf(source)}.case_people WHERE person_id = $1 AND role <> 'reporter'`, [
    viewerId,
  ])) as { incident_id: string }[];
  return new Set(rows.map((row) => row.incident_id));
}

function dropExcluded(items: readonly WorkItem[], excluded: ReadonlySet<string>): WorkItem[] {
  return items.filter((item) => item.caseId === null || !excluded.has(item.caseId));
}

/** Each item's case number (and school, where its source did not say), from the caseload. */
async function withCaseFacts(source: DataSource, items: readonly WorkItem[]): Promise<WorkItem[]> {
  const ids = [...new Set(items.flatMap((item) => (item.caseId ? [item.caseId] : [])))];
  if (!ids.length) return [...items];
  const rows = (await source.query(`SELECT incident_id, case_number, school_id FROM ${schemaOf(source)}.cases WHERE incident_id = ANY($1::text[])`, [ids])) as {
    incident_id: string;
    case_number: string | null;
    school_id: string;
  }[];
  const facts = new Map(rows.map((row) => [row.incident_id, row]));
  return items.map((item) => {
    const kase = item.caseId ? facts.get(item.caseId) : undefined;
    return kase ? { ...item, caseNumber: kase.case_number, schoolId: item.schoolId ?? kase.school_id } : item;
  });
}

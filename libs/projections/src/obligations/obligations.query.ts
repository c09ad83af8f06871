import { NOT_THE_SCHOOLS } from '@casebook/incidents';
import { type DataSource, type FindOptionsWhere, In, IsNull, LessThan, Not } from 'typeorm';
import { ObligationRow } from './obligation.entity';

/** `lapsed`: someone else's deadline that passed unused (P6: the parents' objection window) — never overdue. */
export type ObligationStatus = 'open' | 'overdue' | 'done' | 'lapsed';
const THEIRS = [...NOT_THE_SCHOOLS];

export interface ObligationView {
  readonly obligationId: string;
  readonly kind: string;
  readonly regarding: string;
  readonly incidentId: string | null;
  readonly pupilId: string | null;
  readonly schoolId: string | null;
  readonly openedAt: string;
  readonly dueAt: string;
  readonly closedAt: string | null;
  readonly status: ObligationStatus;
  /** FACT1: a done obligation's closing fact, as it happened, against its due time (a device back early, a notice late). */
  readonly timing: 'before-due' | 'after-due' | null;
}

/**
 * `GET /obligations?status=`: overdue first, then by due time. `schools` limits a director to its schools
 * (undefined: every school). `open` includes the overdue ones (they are open too).
 */
export async function findObligations(
  source: DataSource,
  query: { status?: ObligationStatus; schools?: readonly string[]; now: Date; limit: number; offset: number },
): Promise<ObligationView[]> {
  const base: FindOptionsWhere<ObligationRow> = query.schools ? { schoolId: In([...query.schools]) } : {};
  const where: FindOptionsWhere<ObligationRow> =
    query.status === 'done'
      ? { ...base, closedAt: Not(IsNull()) }
      : query.status === 'overdue'
        ? { ...base, closedAt: IsNull(), dueAt: LessThan(query.now), kind: Not(In(THEIRS)) }
        : query.status === 'open' || query.status === 'lapsed'
          ? { ...base, closedAt: IsNull() }
          : base;
  const builder = source.getRepository(ObligationRow).createQueryBuilder('o').where(where);
  // Someone else's deadline is open until it passes, then lapsed (never overdue).
  if (query.status === 'open') builder.andWhere('NOT (o.kind IN (:...theirs) AND o.due_at < :now)', { theirs: THEIRS, now: query.now });
  if (query.status === 'lapsed') builder.andWhere('o.kind IN (:...theirs) AND o.due_at < :now', { theirs: THEIRS, now: query.now });
  const rows = await builder
    // Overdue first (the school's, open and past due), then by due time, then by id for a stable page order.
    .orderBy('CASE WHEN o.closed_at IS NULL AND o.due_at < :now AND o.kind NOT IN (:...theirs) THEN 0 ELSE 1 END', 'ASC')
    .addOrderBy('o.due_at', 'ASC')
    .addOrderBy('o.obligation_id', 'ASC')
    .setParameter('now', query.now)
    .setParameter('theirs', THEIRS)
    .offset(query.offset)
    .limit(query.limit)
    .getMany();
  return rows.map((row) => toView(row, query.now));
}

export async function findObligationsOfPupil(source: DataSource, pupilId: string, now: Date): Promise<ObligationView[]> {
  const rows = await source.getRepository(ObligationRow).find({ where: { pupilId, closedAt: IsNull() }, order: { dueAt: 'ASC' } });
  return rows.map((row) => toView(row, now));
}

/** Done once closed; past due the school's is overdue, someone else's (P6: the parents' window) has lapsed by itself. */
export function obligationStatus(kind: string, dueAt: Date, closedAt: Date | null, now: Date): ObligationStatus {
  if (closedAt) return 'done';
  if (dueAt >= now) return 'open';
  return NOT_THE_SCHOOLS.has(kind as never) ? 'lapsed' : 'overdue';
}

function toView(row: ObligationRow, now: Date): ObligationView {
  const status = obligationStatus(row.kind, row.dueAt, row.closedAt, now);
  return {
    obligationId: row.obligationId,
    kind: row.kind,
    regarding: row.regarding,
    incidentId: row.incidentId,
    pupilId: row.pupilId,
    schoolId: row.schoolId,
    openedAt: row.openedAt.toISOString(),
    dueAt: row.dueAt.toISOString(),
    closedAt: row.closedAt ? row.closedAt.toISOString() : null,
    status,
    timing: row.closedAt ? (row.closedAt > row.dueAt ? 'after-due' : 'before-due') : null,
  };
}

import type { EventStore } from '@casebook/event-store';
import { type Actor, type RuleViolation, legalHoldStream, personRecordHandler } from '@casebook/incidents';
import type { SqlClient } from '@casebook/platform';
import { type PersonKeyStore, type RetentionPolicy, type RetentionReport, retentionReport } from '@casebook/privacy';
import type { DataSource } from 'typeorm';
import { findHeldCasesOf, findRetentionCandidates } from './privacy-register.query';

export interface ErasureDeps {
  readonly store: EventStore;
  readonly keys: PersonKeyStore;
  readonly sql: SqlClient;
  /** The live privacy register (read model). */
  readonly register: () => Promise<DataSource>;
}

export type ErasureOutcome =
  | { readonly outcome: 'erased'; readonly position: number; readonly keyDeleted: boolean }
  | { readonly outcome: 'held'; readonly cases: readonly string[] }
  | { readonly outcome: 'refused'; readonly violation: RuleViolation };

/** The retention job's actor: it acts under the board's authority (decisions.md #39). */
export const RETENTION_ACTOR: Actor = { id: 'casebook-retention', role: 'board', schools: [] };

/**
 * Forgets a person (crypto-shredding): records `PersonDataErased` on their privacy record, then deletes their data
 * key, so every text sealed to it — in events, read models, exports, rebuilds — is unreadable from then on; the
 * audit chain still verifies (it is over the sealed form). Refused while a case of theirs is under a legal hold.
 */
export async function erasePerson(deps: ErasureDeps, request: { personId: string; basis: 'request' | 'retention'; reason: string; actor: Actor }): Promise<ErasureOutcome> {
  const held = await heldCasesNow(deps, request.personId);
  if (held.length) return { outcome: 'held', cases: held };
  const result = await personRecordHandler(deps.store).handle(
    `privacy-${request.personId}`,
    { type: 'EraseDataOf', context: { actor: request.actor, now: new Date().toISOString() }, data: { personId: request.personId, basis: request.basis, reason: request.reason } },
    { correlationId: `erase-${request.personId}`, causationId: null },
  );
  if (result.outcome === 'refused') return { outcome: 'refused', violation: result.violation };
  if (result.outcome !== 'accepted') throw new Error('An erasure cannot be a precondition failure');
  // The event first: a crash before the key is gone leaves a record that says so, and forgetting again finishes it.
  const keyDeleted = await deps.keys.forget(request.personId);
  // Dead rows keep the wrapped key until vacuumed; vacuum now rather than whenever autovacuum comes by.
  await deps.sql.query('VACUUM privacy_keys').catch(() => undefined);
  return { outcome: 'erased', position: result.position, keyDeleted };
}

/**
 * Holds on the person's cases as the streams say now: the register (a read model) may lag a hold placed a moment
 * ago, and erasure cannot be undone, so each case's hold stream is read before erasing.
 */
async function heldCasesNow(deps: ErasureDeps, personId: string): Promise<string[]> {
  const source = await deps.register();
  const schema = `"${(source.options as { schema?: string }).schema}"`;
  const cases = ((await source.query(`SELECT incident_id FROM ${schema}.case_people WHERE person_id = $1`, [personId])) as { incident_id: string }[]).map((row) => row.incident_id);
  const held = new Set(await findHeldCasesOf(source, personId));
  const lastHoldEvents = await Promise.all(cases.map(async (incidentId) => [incidentId, (await deps.store.readStream(legalHoldStream(incidentId))).at(-1)?.type] as const));
  for (const [incidentId, last] of lastHoldEvents) {
    if (last === 'LegalHoldPlaced') held.add(incidentId);
    else if (last === 'LegalHoldLifted') held.delete(incidentId);
  }
  return [...held].sort();
}

export interface RetentionRun extends RetentionReport {
  readonly erased: readonly string[];
}

/** `privacy retention [--dry-run]` and the daily job: who is due and why; unless a dry run, erases them. */
export async function runRetention(deps: ErasureDeps, options: { today: string; policy: RetentionPolicy; dryRun: boolean }): Promise<RetentionRun> {
  const report = retentionReport(await findRetentionCandidates(await deps.register()), options.today, options.policy);
  if (options.dryRun) return { ...report, erased: [] };
  const erased: string[] = [];
  const held = [...report.held];
  for (const verdict of report.due) {
    const outcome = await erasePerson(deps, { personId: verdict.personId, basis: 'retention', reason: verdict.reason, actor: RETENTION_ACTOR });
    if (outcome.outcome === 'erased') erased.push(verdict.personId);
    else if (outcome.outcome === 'held') held.push({ ...verdict, heldCases: outcome.cases });
  }
  return { due: report.due, held, erased };
}

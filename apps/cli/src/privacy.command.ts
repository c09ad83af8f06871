import { openEventStore } from '@casebook/event-store';
import { type AppConfig, openSqlClient } from '@casebook/platform';
import { PersonKeyStore, PrivacyEventStore, loadOrCreateMasterKey } from '@casebook/privacy';
import { type ErasureDeps, ProjectionRunner, READ_MODELS, ReadModelCatalog, erasePerson, runRetention } from '@casebook/projections';

const USAGE = [
  'usage: npm run cli -- privacy forget <personId> --reason "<why>"',
  '       npm run cli -- privacy retention [--dry-run]',
].join('\n');

/** The operator acting from the command line: with the privacy officer's (legal) authority. */
const OPERATOR = { id: 'operator-cli', role: 'legal' as const, schools: [] };

/**
 * `privacy forget`: erase a person now (refused while a case of theirs is under a legal hold). `privacy retention`:
 * who is due for erasure and why; without --dry-run, erase them. In the embedded default, stop the api first.
 */
export async function privacyCommand(args: readonly string[], config: AppConfig, out: (line: string) => void): Promise<number> {
  const [action, ...rest] = args;
  const forget = action === 'forget' && rest[0] && rest[1] === '--reason' && rest[2]?.trim();
  const retention = action === 'retention' && (rest.length === 0 || (rest.length === 1 && rest[0] === '--dry-run'));
  if (!forget && !retention) {
    out(USAGE);
    return 2;
  }
  const sql = await openSqlClient(config.database, 'casebook-cli');
  const stored = await openEventStore(config.eventStore, sql, { pollIntervalMs: config.subscriptions.pollIntervalMs });
  const keys = await PersonKeyStore.open(sql, loadOrCreateMasterKey(config.privacy.masterKey, config.privacy.masterKeyFile));
  const store = new PrivacyEventStore(stored, keys);
  const catalog = await ReadModelCatalog.open(sql, READ_MODELS);
  try {
    // The register must be current before anyone is erased (the worker may be stopped): catch it up first.
    const version = await catalog.liveVersion('privacy-register');
    await new ProjectionRunner({ catalog, store, name: 'privacy-register', version }).catchUp();
    const deps: ErasureDeps = { store, keys, sql, register: async () => catalog.dataSource('privacy-register', version) };
    if (forget) {
      const outcome = await erasePerson(deps, { personId: rest[0]!, basis: 'request', reason: rest[2]!, actor: OPERATOR });
      if (outcome.outcome === 'held') {
        out(`REFUSED (HOLD): cases of ${rest[0]} are under a legal hold: ${outcome.cases.join(', ')}`);
        return 1;
      }
      if (outcome.outcome === 'refused') {
        out(`REFUSED (${outcome.violation.rule}): ${outcome.violation.message}`);
        return 1;
      }
      out(`${rest[0]}: erased${outcome.keyDeleted ? '' : ' (no key was left: nothing readable remained)'}; recorded at position ${outcome.position}`);
      return 0;
    }
    const dryRun = rest[0] === '--dry-run';
    const run = await runRetention(deps, { today: new Date().toISOString().slice(0, 10), policy: config.privacy.retention, dryRun });
    for (const verdict of run.due) out(`${dryRun ? 'due' : run.erased.includes(verdict.personId) ? 'erased' : 'not erased'}  ${verdict.personId}: ${verdict.reason}`);
    for (const verdict of run.held) out(`held  ${verdict.personId}: ${verdict.reason}; legal hold on ${verdict.heldCases.join(', ')}`);
    out(`${run.due.length} due, ${run.erased.length} erased, ${run.held.length} held${dryRun ? ' (dry run: nothing erased)' : ''}`);
    return 0;
  } finally {
    await catalog.close();
    await store.close();
    await sql.close();
  }
}

import type { AppConfig } from '@casebook/platform';
import { ProjectionRunner } from '@casebook/projections';
import type { Issued } from '@casebook/incidents';
import { withRuntime } from './cli-runtime';

const USAGE = ['usage: npm run cli -- privacy forget <personId> --reason "<why>"', '       npm run cli -- privacy retention [--dry-run]'].join('\n');

/** The operator acting from the command line: with the privacy officer's (legal) authority. */
const OPERATOR = { id: 'operator-cli', role: 'legal' as const, schools: [] };

/**
 * `privacy forget`: erase a person now (refused while a case of theirs is under a legal hold). `privacy retention`:
 * who is due for erasure and why; without --dry-run, erase them. Through the write side, as the API does.
 */
export async function privacyCommand(args: readonly string[], config: AppConfig, out: (line: string) => void): Promise<number> {
  const [action, ...rest] = args;
  const forget = action === 'forget' && rest[0] && rest[1] === '--reason' && rest[2]?.trim();
  const retention = action === 'retention' && (rest.length === 0 || (rest.length === 1 && rest[0] === '--dry-run'));
  if (!forget && !retention) {
    out(USAGE);
    return 2;
  }
  return withRuntime(config, async (runtime) => {
    // The register must be current before anyone is erased (the worker may be stopped): catch it up first.
    const version = await runtime.readModels.liveVersion('privacy-register');
    await new ProjectionRunner({ catalog: runtime.readModels, store: runtime.eventStore, name: 'privacy-register', version }).catchUp();
    const now = new Date().toISOString();
    const issued: Issued = { context: { actor: OPERATOR, now }, meta: { correlationId: `cli-${action}`, causationId: null } };
    if (forget) {
      const personId = rest[0]!;
      const outcome = await runtime.writeSide.privacy.erase(personId, { basis: 'request', reason: rest[2]! }, issued);
      if (outcome.outcome === 'refused') {
        out(`REFUSED (${outcome.violation.rule}): ${outcome.violation.message}`);
        return 1;
      }
      if (outcome.outcome !== 'accepted') throw new Error('An erasure cannot be a precondition failure');
      out(
        `${personId}: erased${outcome.answer['keyDeleted'] ? '' : ' (no key was left: nothing readable remained)'}; recorded at position ${outcome.position}`,
      );
      return 0;
    }
    const dryRun = rest[0] === '--dry-run';
    const run = await runtime.writeSide.privacy.runRetention(
      { today: now.slice(0, 10), policy: config.privacy.retention, dryRun },
      { ...issued, context: { ...issued.context, actor: { ...OPERATOR } } },
    );
    for (const verdict of run.due)
      out(`${dryRun ? 'due' : run.erased.includes(verdict.personId) ? 'erased' : 'not erased'}  ${verdict.personId}: ${verdict.reason}`);
    for (const verdict of run.held) out(`held  ${verdict.personId}: ${verdict.reason}; legal hold on ${verdict.heldCases.join(', ')}`);
    out(`${run.due.length} due, ${run.erased.length} erased, ${run.held.length} held${dryRun ? ' (dry run: nothing erased)' : ''}`);
    return 0;
  });
}

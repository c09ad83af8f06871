import type { AppConfig } from '@casebook/platform';
import { READ_MODELS, readModelStatus, rebuildReadModels } from '@casebook/projections';
import { withRuntime } from './cli-runtime';

const USAGE = 'usage: npm run cli -- projections status | projections rebuild <name|all> [--batch-size <events>]';

/**
 * `projections status`: each read model's live version, position and lag. `projections rebuild <name>`: builds
 * a new version beside the live one and switches reads to it (the running worker follows within seconds).
 * In the embedded default, stop the api first: PGlite's files belong to one process (the CLI refuses otherwise).
 */
export async function projectionsCommand(args: readonly string[], config: AppConfig, out: (line: string) => void): Promise<number> {
  const [action, name, ...options] = args;
  let batchSize = 2_000;
  if (options.length) {
    // Smaller batches hold less in memory at once (and commit progress more often).
    const value = options[0] === '--batch-size' ? Number(options[1]) : NaN;
    if (options.length !== 2 || !Number.isInteger(value) || value < 1 || value > 100_000) {
      out(USAGE);
      return 2;
    }
    batchSize = value;
  }
  if (action !== 'status' && action !== 'rebuild') {
    out(USAGE);
    return 2;
  }
  return withRuntime(config, async ({ readModels: catalog, eventStore: store }) => {
    if (action === 'status') {
      for (const status of await readModelStatus(catalog, store)) {
        out(`${status.name.padEnd(16)} live v${status.liveVersion}  position ${status.position}  lag ${status.lag >= 10_000 ? '≥10000' : status.lag} events`);
      }
      return 0;
    }
    if (!name) {
      out(USAGE);
      return 2;
    }
    const names = name === 'all' ? READ_MODELS.map((p) => p.name) : [catalog.projection(name).name];
    for (const result of await rebuildReadModels(catalog, store, names, batchSize, pauseForFaultTest())) {
      out(`${result.name}: rebuilt v${result.to} from ${result.events} events in ${result.ms} ms; reads switched from v${result.from}`);
    }
    return 0;
  });
}

/**
 * A pause point for the fault tests only (README, "Only for tests"): with CASEBOOK_FAULT_PAUSE_REBUILD_AFTER_BATCHES=n
 * the rebuild says so on stdout once n batches are committed, and waits there to be killed — so the kill lands half
 * way however fast the machine is, never by timing. Unset: no pause.
 */
function pauseForFaultTest(): ((batches: number) => Promise<void>) | undefined {
  const after = Number(process.env['CASEBOOK_FAULT_PAUSE_REBUILD_AFTER_BATCHES'] ?? '');
  if (!Number.isInteger(after) || after < 1) return undefined;
  return async (batches) => {
    if (batches < after) return;
    process.stdout.write(`paused after ${batches} committed batches (CASEBOOK_FAULT_PAUSE_REBUILD_AFTER_BATCHES)\n`);
    await new Promise<never>(() => setInterval(() => undefined, 60_000));
  };
}

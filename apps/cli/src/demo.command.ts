import type { AppConfig } from '@casebook/platform';
import type { DirectoryFileKind, Issued } from '@casebook/incidents';
import { withRuntime } from './cli-runtime';
import { DEMO_PEOPLE, DEMO_SCHOOLS, demoFiles, seedDemoCases } from './demo/demo-board';

/**
 * `npm run cli -- demo seed` (issue #18): a demo board — three schools, staff, 72 pupils and their parents through the
 * directory import, and a few dozen cases in every state through the write side — so a new user sees something at
 * once. Refused on a store that already holds the demo board.
 */
export async function demoCommand(args: readonly string[], config: AppConfig, out: (line: string) => void): Promise<number> {
  if (args.length !== 1 || args[0] !== 'seed') {
    out('usage: npm run cli -- demo seed');
    return 2;
  }
  return withRuntime(config, async (runtime) => {
    if ((await runtime.eventStore.readStream(`directory-school-${DEMO_SCHOOLS[0].schoolId}`)).length) {
      out('The demo board is already here (school demo-regenboog is in the directory): nothing seeded.');
      return 1;
    }
    const now = new Date();
    const issued: Issued = { context: { actor: DEMO_PEOPLE.board, now: now.toISOString() }, meta: { correlationId: 'demo-seed', causationId: null } };
    const files = demoFiles(now);
    for (const kind of ['schools', 'staff', 'pupils', 'parents'] as const satisfies readonly DirectoryFileKind[]) {
      const outcome = await runtime.writeSide.directory.import(kind, files[kind], issued);
      if (outcome.outcome !== 'imported') throw new Error(`demo seed: ${kind}: ${JSON.stringify(outcome)}`);
      out(`${kind}: ${outcome.created} created`);
    }
    const cases = await seedDemoCases(runtime.writeSide, now, 'demo-seed');
    out(`${cases} cases in every state.`);
    out(
      'Try it: TOKEN=$(npm run token --silent -- --role director --sub demo-dir-1 --schools demo-regenboog), then curl -H "Authorization: Bearer $TOKEN" http://127.0.0.1:3000/work',
    );
    return 0;
  });
}

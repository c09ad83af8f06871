import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, waitUntil } from '@casebook/testing';
import { type Running, build, startApp, stop, token } from './support/processes';

// Issue #15, defect 1: with `npm start` running on the embedded store, `npm run cli -- privacy forget` opened the
// same PGlite data directory in a second process, printed "erased", exited 0 — and the running api never saw it
// (after a restart the name was readable again). Now the CLI refuses while another process holds the directory,
// and what it acknowledges once the api is stopped is there when the api starts again.
describe('one process per embedded data directory (the api and the cli)', () => {
  let dataDir: string;
  let port: number;
  let api: Running | undefined;

  // The embedded default, also when the suite runs with DATABASE_URL set (as in CI): an empty setting is none.
  const embedded = () => ({ DATA_DIR: dataDir, PORT: String(port), METRICS_PORT: '0', DATABASE_URL: '', EVENTSTORE_CONNECTION_STRING: '' });
  const startApi = async (): Promise<Running> => {
    const running = startApp('api', embedded());
    await waitUntil(
      async () => (await fetch(`http://127.0.0.1:${port}/health/ready`).catch(() => undefined))?.status === 200,
      'the embedded api to be ready',
      90_000,
    );
    return running;
  };
  const cli = async (...args: string[]): Promise<{ code: number | null; output: string }> => {
    const run = startApp('cli', embedded(), args);
    const code = await run.exit;
    return { code, output: run.output() };
  };

  beforeAll(async () => {
    build();
    dataDir = mkdtempSync(join(tmpdir(), 'casebook-embedded-'));
    port = await freePort();
  });
  afterAll(async () => {
    await stop(api);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('refuses the cli while the api runs, then acknowledges nothing that the restarted api does not show', async () => {
    api = await startApi();
    const director = await token('staff-dir-1', ['director']);
    const report = await fetch(`http://127.0.0.1:${port}/incidents`, {
      method: 'POST',
      headers: { authorization: `Bearer ${director}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        type: 'pupil-incident',
        schoolId: 'school-1',
        category: 'cyberbullying',
        occurredAt: '2026-11-03T10:30:00+01:00',
        summary: 'Uitgescholden in de klasgroep',
        involved: [{ personId: 'pupil-lock', personKind: 'pupil', role: 'victim', displayName: 'Jantje Slot' }],
      }),
    });
    expect(report.status).toBe(201);
    const incidentId = ((await report.json()) as { id: string }).id;
    const involvedName = async () => {
      const view = (await (await fetch(`http://127.0.0.1:${port}/incidents/${incidentId}`, { headers: { authorization: `Bearer ${director}` } })).json()) as {
        involved: { personId: string; displayName: string }[];
      };
      return view.involved.find((person) => person.personId === 'pupil-lock')?.displayName;
    };
    expect(await involvedName()).toBe('Jantje Slot');

    // While the api holds the data directory: refused, saying why and what to do instead; nothing written.
    for (const args of [
      ['privacy', 'forget', 'pupil-lock', '--reason', 'Request of the parents'],
      ['privacy', 'retention', '--dry-run'],
      ['projections', 'rebuild', 'all'],
    ]) {
      const refused = await cli(...args);
      expect({ args, code: refused.code }).toEqual({ args, code: 75 });
      expect(refused.output).toMatch(/in use by casebook-api \(pid \d+/);
      expect(refused.output).not.toMatch(/erased|rebuilt/);
      if (args[1] === 'forget') expect(refused.output).toContain('POST /people/{personId}/erasure');
    }
    expect(await involvedName()).toBe('Jantje Slot');

    // Stopped: the cli does the work, and the api started again shows it.
    await stop(api);
    api = undefined;
    const forgot = await cli('privacy', 'forget', 'pupil-lock', '--reason', 'Request of the parents');
    expect(forgot.output).toContain('pupil-lock: erased');
    expect(forgot.code).toBe(0);
    api = await startApi();
    expect(await involvedName()).toBe('[verwijderd]');
  }, 300_000);
});

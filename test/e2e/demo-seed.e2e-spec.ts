import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '@casebook/platform';
import { openRuntime } from '@casebook/runtime';
import { createLogger } from '@casebook/platform';
import { demoCommand } from '../../apps/cli/src/demo.command';
import { demoFiles } from '../../apps/cli/src/demo/demo-board';

// Issue #18: `npm run cli -- demo seed` loads a demo board — directory and cases in every state — once.
describe('npm run cli -- demo seed', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'casebook-demo-seed-'));
  const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'error' });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  const run = async () => {
    const lines: string[] = [];
    const code = await demoCommand(['seed'], config, (line) => lines.push(line));
    return { code, lines };
  };

  it('seeds three schools, their people and cases in every state, and refuses a second seed', async () => {
    const first = await run();
    expect(first.code).toBe(0);
    expect(first.lines.slice(0, 4)).toEqual(['schools: 3 created', 'staff: 9 created', 'pupils: 72 created', 'parents: 72 created']);
    expect(first.lines[4]).toBe('27 cases in every state.');
    expect(await run()).toMatchObject({ code: 1, lines: [expect.stringContaining('already here')] });

    const runtime = await openRuntime(config, createLogger('error', 'demo-test', process.stderr), 'test');
    try {
      const kinds = new Set<string>();
      for (const event of await runtime.eventStore.readAll({ from: 'start', limit: 100_000 })) kinds.add(event.type);
      for (const type of [
        'IncidentReported',
        'ScopeAssessed',
        'MeasureImposed',
        'ParentsInformed',
        'IncidentClosed',
        'DeviceTakenIntoCustody',
        'DeviceReturned',
        'CaseAssigned',
        'StaffConductQualified',
        'InspectorCalled',
        'CriminalReportDecided',
        'PersonRegistered',
        'SchoolRegistered',
      ]) {
        expect([type, kinds.has(type)]).toEqual([type, true]);
      }
    } finally {
      await runtime.close();
    }
  });

  it('gives every person of the demo board a name no one else has (#33: pupils shared names with staff)', () => {
    const files = demoFiles(new Date('2026-12-07T08:00:00Z'));
    const names = (['staff', 'pupils', 'parents'] as const).flatMap((kind) =>
      files[kind]
        .trim()
        .split('\n')
        .slice(1)
        .map((line) => line.split(/[,;]/)[1]!),
    );
    expect(names.length).toBe(9 + 72 + 72);
    expect(names.filter((name, i) => names.indexOf(name) !== i)).toEqual([]);
    expect(names).toContain('Sem Bos'); // README's director of De Regenboog
  });
});

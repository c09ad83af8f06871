import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createScratchDatabase } from '@casebook/platform';
import { describeWithService, freePort, waitUntil } from '@casebook/testing';
import { build } from '../faults/support/processes';

// The built processes as an operator starts them (node dist/...), with no service configured.
const root = resolve(__dirname, '../..');
const API = join(root, 'dist/apps/api/src/main.js');
const WORKER = join(root, 'dist/apps/worker/src/main.js');

interface Started {
  readonly child: ChildProcess;
  output: string;
  exit: Promise<number | null>;
}

function start(script: string, env: Record<string, string>): Started {
  const clean = { ...process.env };
  for (const name of ['DATABASE_URL', 'KAFKA_BROKERS', 'EVENTSTORE_CONNECTION_STRING', 'PORT', 'LOG_LEVEL']) delete clean[name];
  const child = spawn(process.execPath, [script], { env: { ...clean, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const started: Started = { child, output: '', exit: new Promise((done) => child.once('exit', (code) => done(code))) };
  child.stdout!.on('data', (chunk: Buffer) => (started.output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (started.output += chunk.toString()));
  return started;
}

describe('the api and worker processes', () => {
  let dataDir: string;

  beforeAll(() => {
    // The same incremental build `npm start` runs, so this tests the current sources.
    build();
    dataDir = mkdtempSync(join(tmpdir(), 'casebook-process-'));
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('starts on the embedded default, answers /health/ready, and stops cleanly on SIGTERM', async () => {
    const port = await freePort();
    const api = start(API, { PORT: String(port), DATA_DIR: dataDir, LOG_LEVEL: 'info' });
    try {
      let status = 0;
      await waitUntil(
        async () => {
          status = await fetch(`http://127.0.0.1:${port}/health/ready`).then(
            (r) => r.status,
            () => 0,
          );
          return status === 200;
        },
        'the api to be ready',
        180_000,
      );
      api.child.kill('SIGTERM');
      expect(await api.exit).toBe(0);
      const lines = api.output
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as Record<string, unknown>);
      expect(lines.some((line) => line['msg'] === 'api listening')).toBe(true);
      expect(lines.some((line) => line['msg'] === 'shutting down')).toBe(true);
    } finally {
      api.child.kill('SIGKILL');
    }
  }, 300_000);

  it.each([
    ['PORT', { PORT: 'eighty' }],
    ['DATABASE_URL', { DATABASE_URL: 'mysql://db/casebook' }],
    ['KAFKA_BROKERS', { KAFKA_BROKERS: 'kafka' }],
  ])('refuses a bad %s: exit code 78 and a log line naming it', async (variable, env) => {
    const api = start(API, { DATA_DIR: dataDir, ...env });
    expect(await api.exit).toBe(78);
    const fatal = JSON.parse(api.output.trim().split('\n').pop()!) as Record<string, unknown>;
    expect(fatal).toMatchObject({ level: 'fatal', variable });
    expect(String(fatal['msg'])).toContain(`Invalid configuration: ${variable}`);
  });

  it('refuses to run the worker on the embedded database, naming DATABASE_URL', async () => {
    const worker = start(WORKER, { DATA_DIR: dataDir });
    expect(await worker.exit).toBe(78);
    expect(worker.output).toContain('"variable":"DATABASE_URL"');
  });
});

describeWithService('postgres', 'the worker process on the PostgreSQL server', (serverUrl) => {
  beforeAll(() => build());

  it('starts, runs its migrations, and stops cleanly on SIGTERM', async () => {
    const database = await createScratchDatabase(serverUrl, 'worker_process');
    const worker = start(WORKER, { DATABASE_URL: database.url, LOG_LEVEL: 'info' });
    try {
      await waitUntil(() => worker.output.includes('"msg":"worker running"'), 'the worker to run', 180_000);
      worker.child.kill('SIGTERM');
      expect(await worker.exit).toBe(0);
    } finally {
      worker.child.kill('SIGKILL');
      await database.drop();
    }
  }, 300_000);
});

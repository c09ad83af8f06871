import { type ChildProcess, spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { GlobalChain, verifyStore } from '@casebook/audit';
import { type EventStore, PostgresEventStore } from '@casebook/event-store';
import { PgSqlClient, type ScratchDatabase, type SqlClient, createScratchDatabase } from '@casebook/platform';
import { READ_MODELS, ReadModelCatalog, ProjectionRunner, readModelStatus } from '@casebook/projections';
import { describeWithService, freePort, waitUntil } from '@casebook/testing';
import { dumpReadModel } from '../../libs/projections/src/read-model-dump.fixtures';
import { generateHistory } from '../bench/history-generator';
import { build } from '../faults/support/processes';

// Issue #4: kill -9 the worker while it projects (a real process, mid-batch), start it again, and the read
// models hold exactly the rows a clean run builds. Then /metrics reports each read model caught up.
const root = resolve(__dirname, '../..');
const WORKER = join(root, 'dist/apps/worker/src/main.js');


function startWorker(databaseUrl: string, metricsPort: number): { child: ChildProcess; exit: Promise<number | null> } {
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: databaseUrl, METRICS_PORT: String(metricsPort), SUBSCRIPTION_POLL_MS: '50', LOG_LEVEL: 'warn' };
  delete env['KAFKA_BROKERS'];
  const child = spawn(process.execPath, [WORKER], { env, stdio: 'ignore' });
  return { child, exit: new Promise((done) => child.once('exit', (code) => done(code))) };
}

describeWithService('postgres', 'the worker killed while projecting', (serverUrl) => {
  let database: ScratchDatabase;
  let sql: SqlClient;
  let store: EventStore;
  let catalog: ReadModelCatalog;

  beforeAll(async () => {
    build();
    database = await createScratchDatabase(serverUrl, 'worker_crash');
    sql = new PgSqlClient({ connectionString: database.url, poolSize: 4 });
    store = await PostgresEventStore.open(sql);
    await generateHistory(store, { schools: 4, pupils: 600, staff: 60, events: 12_000 });
    catalog = await ReadModelCatalog.open(sql, READ_MODELS);
  });
  afterAll(async () => {
    await catalog?.close();
    await store?.close();
    await sql?.close();
    await database?.drop();
  });

  const positions = async () => Promise.all(READ_MODELS.map((p) => catalog.position(p.name, 1)));

  it('restarts where the last committed batch ended and builds the rows of a clean run', async () => {
    const head = await store.headPosition();
    const metricsPort = await freePort();
    const first = startWorker(database.url, metricsPort);
    // Kill it once it has committed some batches, but not all: the kill lands inside a batch's transaction.
    await waitUntil(async () => (await positions()).some((p) => p > 0), 'the worker to commit a first batch', 60_000);
    first.child.kill('SIGKILL');
    await first.exit;
    const atKill = await positions();
    expect(atKill.some((p) => p < head)).toBe(true);

    const second = startWorker(database.url, metricsPort);
    try {
      await waitUntil(async () => (await readModelStatus(catalog, store)).every((s) => s.lag === 0), 'the restarted worker to catch up', 120_000);
      const metrics = await fetch(`http://127.0.0.1:${metricsPort}/metrics`).then((r) => r.text());
      for (const projection of READ_MODELS) expect(metrics).toContain(`casebook_projection_lag_events{read_model="${projection.name}"} 0`);
      expect(metrics).toContain('casebook_projection_events_per_second{read_model="pupil-file"}');
      // The worker also seals the global audit chain; killed mid-way, it resumes it without a break.
      const sealed = async () => (await fetch(`http://127.0.0.1:${metricsPort}/metrics`).then((r) => r.text())).includes('casebook_audit_chain_lag_events 0');
      await waitUntil(sealed, 'the audit chain sealed through the head', 60_000);
      expect(await verifyStore(store, await GlobalChain.open(sql))).toMatchObject({ ok: true });
      second.child.kill('SIGTERM');
      expect(await second.exit).toBe(0);
    } finally {
      second.child.kill('SIGKILL');
    }

    for (const projection of READ_MODELS) {
      await catalog.createVersion(projection.name, 9);
      await new ProjectionRunner({ catalog, store, name: projection.name, version: 9, batchSize: 1_000 }).catchUp();
      expect(await dumpReadModel(sql, projection.name, 1)).toEqual(await dumpReadModel(sql, projection.name, 9));
      await catalog.dropVersion(projection.name, 9);
    }
  });
});

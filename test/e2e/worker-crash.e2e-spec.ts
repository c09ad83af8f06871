import { type ChildProcess, spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { Client } from 'pg';
import { GlobalChain, verifyStore } from '@casebook/audit';
import { type EventStore, PostgresEventStore, categoryOf } from '@casebook/event-store';
import { PgSqlClient, type ScratchDatabase, type SqlClient, createScratchDatabase } from '@casebook/platform';
import { READ_MODELS, ReadModelCatalog, ProjectionRunner, readModelStatus } from '@casebook/projections';
import { PrivatePostgres, describeWithService, freePort, notYetOnError, waitUntil } from '@casebook/testing';
import { dumpReadModel } from '../../libs/projections/src/read-model-dump.fixtures';
import { generateHistory } from '../bench/history-generator';
import { build } from '../faults/support/processes';

// Issue #4: kill -9 the worker while it projects (a real process, mid-batch), start it again, and the read
// models hold exactly the rows a clean run builds. Then /metrics reports each read model caught up.
//
// Issue #15, defect 4: the kill used to come "once a first batch committed", and on a busy machine the worker had
// sometimes finished by then. Now it is aimed: before the worker starts, the test inserts — in a transaction it
// keeps open — the pupil-file row that an event half way through history will make. The worker commits the batches
// before that event, then its batch's INSERT waits on the test's row, inside the batch's transaction. The test
// waits for exactly that state (the worker's backend waiting on a lock), kills the worker, and rolls its row back.
// On a server of its own: the open transactions would hold back the read watermark of every suite beside it.
const root = resolve(__dirname, '../..');
const WORKER = join(root, 'dist/apps/worker/src/main.js');

function startWorker(databaseUrl: string, metricsPort: number): { child: ChildProcess; exit: Promise<number | null> } {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    METRICS_PORT: String(metricsPort),
    SUBSCRIPTION_POLL_MS: '50',
    LOG_LEVEL: 'warn',
  };
  delete env['KAFKA_BROKERS'];
  const child = spawn(process.execPath, [WORKER], { env, stdio: 'ignore' });
  return { child, exit: new Promise((done) => child.once('exit', (code) => done(code))) };
}

describeWithService('postgres', 'the worker killed while projecting', () => {
  let pg: PrivatePostgres;
  let database: ScratchDatabase;
  let sql: SqlClient;
  let store: EventStore;
  let catalog: ReadModelCatalog;

  beforeAll(async () => {
    build();
    pg = await PrivatePostgres.create(await freePort());
    database = await createScratchDatabase(pg.url, 'worker_crash');
    sql = new PgSqlClient({ connectionString: database.url, poolSize: 4 });
    store = await PostgresEventStore.open(sql);
    await generateHistory(store, { schools: 4, pupils: 600, staff: 60, events: 12_000 });
    catalog = await ReadModelCatalog.open(sql, READ_MODELS);
  }, 300_000);
  afterAll(async () => {
    await catalog?.close();
    await store?.close();
    await sql?.close();
    await database?.drop();
    pg?.destroy();
  });

  const positions = async () => Promise.all(READ_MODELS.map((p) => catalog.position(p.name, 1)));
  const pupilFile = READ_MODELS.find((projection) => projection.name === 'pupil-file')!;

  /** The first pupil-file row of an incident reported half way through the pupil file's history. */
  async function rowHalfWay(): Promise<{ pupilId: string; position: number }> {
    const events = (await store.readAll({ from: 'start', limit: 100_000 })).filter((event) =>
      (pupilFile.categories as readonly string[]).includes(categoryOf(event.streamId)),
    );
    const reports = events
      .map((event, index) => ({ event, index }))
      .filter(
        ({ event }) =>
          event.type === 'IncidentReported' && (event.data as { involved: { personKind: string }[] }).involved.some((p) => p.personKind === 'pupil'),
      );
    const { event, index } = reports.find(({ index }) => index >= events.length / 2)!;
    expect(index).toBeGreaterThan(1_000); // batches of 500: at least two commit before it
    const pupil = (event.data as { involved: { personId: string; personKind: string }[] }).involved.find((p) => p.personKind === 'pupil')!;
    return { pupilId: pupil.personId, position: event.globalPosition };
  }

  it('restarts where the last committed batch ended and builds the rows of a clean run', async () => {
    const head = await store.headPosition();
    const aim = await rowHalfWay();
    const blocker = new Client({ connectionString: database.url });
    await blocker.connect();
    await blocker.query('BEGIN');
    await blocker.query(
      `INSERT INTO ${ReadModelCatalog.schemaOf('pupil-file', 1)}.pupil_file_entries (pupil_id, position, seq, school_id, kind, incident_id, occurred_at, recorded_at, data)
       VALUES ($1, $2, 0, NULL, 'blocker', NULL, now(), now(), '{}')`,
      [aim.pupilId, aim.position],
    );

    const metricsPort = await freePort();
    const first = startWorker(database.url, metricsPort);
    // The state aimed at: a worker backend inside a batch's transaction, waiting for the test's row.
    await waitUntil(
      async () =>
        (await sql.query(`SELECT 1 FROM pg_stat_activity WHERE application_name = 'casebook-worker' AND wait_event_type = 'Lock' AND state = 'active'`))
          .length > 0,
      'the worker to wait on the row half way through the pupil file',
      120_000,
    );
    const atKill = await positions();
    first.child.kill('SIGKILL');
    await first.exit;
    await blocker.query('ROLLBACK');
    await blocker.end();
    const pupilFileAtKill = atKill[READ_MODELS.indexOf(pupilFile)]!;
    process.stdout.write(
      `worker crash: killed inside the pupil-file batch holding position ${aim.position}; its checkpoint was ${pupilFileAtKill} of head ${head}\n`,
    );
    expect(pupilFileAtKill).toBeGreaterThan(0);
    expect(pupilFileAtKill).toBeLessThan(aim.position);
    // The killed batch left nothing: the checkpoint is where it was.
    expect(await catalog.position('pupil-file', 1)).toBe(pupilFileAtKill);

    const second = startWorker(database.url, metricsPort);
    try {
      await waitUntil(
        notYetOnError(async () => (await readModelStatus(catalog, store)).every((s) => s.lag === 0)),
        'the restarted worker to catch up',
        120_000,
      );
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
  }, 600_000);
});

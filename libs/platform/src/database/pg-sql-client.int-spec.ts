import { PrivatePostgres, describeWithService, freePort, waitUntil } from '@casebook/testing';
import { PgSqlClient } from './pg-sql-client';

// Issue #15, defect 3: after a PostgreSQL restart the LISTEN connection was not opened again, so every process
// that waits for other processes' appends (the worker for the api's) fell back to polling for good. The server
// restarted is one of the test's own; gated on the PostgreSQL service like the other server suites.
describeWithService('postgres', 'LISTEN across a PostgreSQL restart', () => {
  let pg: PrivatePostgres;
  let client: PgSqlClient | undefined;

  beforeAll(async () => {
    pg = await PrivatePostgres.create(await freePort());
  }, 180_000);
  afterAll(async () => {
    await client?.close();
    pg?.destroy();
  });

  const notifyOnce = async () => {
    const other = new PgSqlClient({ connectionString: pg.url, poolSize: 1 });
    try {
      await other.query("SELECT pg_notify('casebook_test', '')");
    } finally {
      await other.close();
    }
  };

  it('listens again once the server is back, and is woken by the next NOTIFY', async () => {
    client = new PgSqlClient({ connectionString: pg.url, poolSize: 2 });
    let wakes = 0;
    await client.listen('casebook_test', () => (wakes += 1));
    await notifyOnce();
    await waitUntil(async () => wakes > 0, 'the first NOTIFY', 20_000);

    pg.stop('immediate'); // every connection cut, as in a crash
    pg.start();
    // A re-opened listener wakes its subscriber once (what was sent in the gap is unknown); then real NOTIFYs.
    await waitUntil(async () => wakes > 1, 'a wake-up once the listener is back', 30_000);
    wakes = 0;
    await notifyOnce();
    await waitUntil(async () => wakes > 0, 'a NOTIFY after the restart', 20_000);
  });
});

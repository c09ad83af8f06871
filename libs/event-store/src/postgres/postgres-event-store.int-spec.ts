import { PgSqlClient, createScratchDatabase } from '@casebook/platform';
import { describeEventStoreContract, describePostgresAdapterBehaviour } from '@casebook/event-store/testing';
import { PrivatePostgres, describeWithService, freePort } from '@casebook/testing';
import { PostgresEventStore } from './postgres-event-store';

// A PostgreSQL server (DATABASE_URL says one is wanted), here a cluster of the suite's own from the same binaries;
// writers really race here. Its own, because the read watermark is the oldest transaction still writing anywhere
// in the cluster: on the shared server another suite's long transaction held it, and "an append is read at once"
// failed for a reason outside the store (decisions #103).
describeWithService('postgres', 'PostgreSQL event store on the server', () => {
  let server: PrivatePostgres;
  let serverUrl: string;
  beforeAll(async () => {
    server = await PrivatePostgres.create(await freePort());
    serverUrl = server.url;
  });
  afterAll(() => server?.destroy());

  // Nested, so that each store is closed (its describe's afterAll) before the cluster is (this block's).
  describe('the contract', () => {
    describeEventStoreContract(async () => {
      const database = await createScratchDatabase(serverUrl, 'event_store');
      const sql = new PgSqlClient({ connectionString: database.url, poolSize: 24 });
      const store = await PostgresEventStore.open(sql, { pollIntervalMs: 50 });
      return {
        store,
        cleanup: async () => {
          await store.close();
          await sql.close();
          await database.drop();
        },
      };
    });
  });

  describe('PostgreSQL adapter specifics', () => {
    describePostgresAdapterBehaviour(async () => {
      const database = await createScratchDatabase(serverUrl, 'adapter');
      const sql = new PgSqlClient({ connectionString: database.url, poolSize: 4 });
      const connections: PgSqlClient[] = [sql];
      return {
        sql,
        openAnother: async () => {
          const another = new PgSqlClient({ connectionString: database.url, poolSize: 4 });
          connections.push(another);
          return another;
        },
        cleanup: async () => {
          await Promise.all(connections.map((c) => c.close().catch(() => undefined)));
          await database.drop();
        },
      };
    });
  });
});

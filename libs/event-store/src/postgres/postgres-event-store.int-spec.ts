import { PgSqlClient, createScratchDatabase } from '@casebook/platform';
import { describeEventStoreContract, describePostgresAdapterBehaviour } from '@casebook/event-store/testing';
import { describeWithService } from '@casebook/testing';
import { PostgresEventStore } from './postgres-event-store';

// The PostgreSQL server at DATABASE_URL, in a database of its own; writers really race here.
describeWithService('postgres', 'PostgreSQL event store on the server', (serverUrl) => {
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

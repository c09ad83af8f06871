import { PgSqlClient, createScratchDatabase } from '@casebook/platform';
import { describeEventStoreContract } from '@casebook/event-store/testing';
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
});

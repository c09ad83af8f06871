import { PgliteSqlClient } from '@casebook/platform';
import { describeEventStoreContract } from '@casebook/event-store/testing';
import { PostgresEventStore } from './postgres-event-store';

// The embedded default: PGlite in this process, in memory. Always runs; needs no service.
describe('PostgreSQL event store on PGlite', () => {
  describeEventStoreContract(async () => {
    const sql = await PgliteSqlClient.open();
    const store = await PostgresEventStore.open(sql, { pollIntervalMs: 50 });
    return {
      store,
      cleanup: async () => {
        await store.close();
        await sql.close();
      },
    };
  });
});

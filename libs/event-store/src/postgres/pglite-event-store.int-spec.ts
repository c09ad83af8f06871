import { PgliteSqlClient } from '@casebook/platform';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeEventStoreContract, describePostgresAdapterBehaviour, testEvent, testStream } from '@casebook/event-store/testing';
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

describe('PostgreSQL adapter specifics on PGlite', () => {
  describePostgresAdapterBehaviour(async () => {
    const sql = await PgliteSqlClient.open();
    return { sql, cleanup: () => sql.close() };
  });
});

describe('embedded data on disk', () => {
  it('keeps events across a restart of the process (DATA_DIR)', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'casebook-pglite-'));
    try {
      const event = testEvent();
      const streamId = testStream();
      const firstSql = await PgliteSqlClient.open(dataDir);
      const first = await PostgresEventStore.open(firstSql);
      await first.appendToStream(streamId, [event], { expectedRevision: 'no-stream' });
      await first.close();
      await firstSql.close();

      const againSql = await PgliteSqlClient.open(dataDir);
      const again = await PostgresEventStore.open(againSql);
      expect((await again.readStream(streamId)).map((e) => e.eventId)).toEqual([event.eventId]);
      await again.close();
      await againSql.close();
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

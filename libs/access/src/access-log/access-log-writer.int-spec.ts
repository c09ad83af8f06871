import { PostgresEventStore } from '@casebook/event-store';
import { PgSqlClient, PgliteSqlClient, type SqlClient, createScratchDatabase } from '@casebook/platform';
import { describeWithService } from '@casebook/testing';
import { AccessLogWriter } from './access-log-writer';

// Dossier reads logged with a group commit: every read gets its own entry (its own stream), durable before the
// read is answered; concurrent reads share commits.
describe('access-log group commit (PGlite)', () => describeWriter(async () => ({ sql: await PgliteSqlClient.open(), drop: async () => undefined })));
describeWithService('postgres', 'access-log group commit on the PostgreSQL server', (serverUrl) =>
  describeWriter(async () => {
    const database = await createScratchDatabase(serverUrl, 'access_writer');
    return { sql: new PgSqlClient({ connectionString: database.url, poolSize: 8 }), drop: () => database.drop() };
  }),
);

function describeWriter(open: () => Promise<{ sql: SqlClient; drop: () => Promise<void> }>): void {
  it('logs 200 concurrent reads, each its own one-event stream, in fewer commits than reads', async () => {
    const { sql, drop } = await open();
    const store = await PostgresEventStore.open(sql);
    try {
      const writer = new AccessLogWriter(store);
      const reads = Array.from({ length: 200 }, (_, i) => ({
        actorId: `staff-${i}`,
        actorRoles: ['director'],
        resource: 'pupil-file' as const,
        resourceId: `pupil-${i}`,
        subjectIds: [`pupil-${i}`],
        outcome: 'granted' as const,
      }));
      await Promise.all(reads.map((read, i) => writer.record(read, `corr-${i}`)));
      const rows = await sql.query<{ stream_id: string; actor: string; tx: string }>(
        `SELECT stream_id, data->>'actorId' AS actor, (global_position / 4096)::text AS tx FROM es_events WHERE type = 'DossierRead'`,
      );
      expect(rows).toHaveLength(200);
      expect(new Set(rows.map((row) => row.stream_id)).size).toBe(200);
      expect(new Set(rows.map((row) => row.actor))).toEqual(new Set(reads.map((read) => read.actorId)));
      // The first read commits alone; the 199 that arrive meanwhile share the next commit(s).
      expect(new Set(rows.map((row) => row.tx)).size).toBeLessThan(20);
    } finally {
      await store.close();
      await sql.close();
      await drop();
    }
  });
}

import { PostgresEventStore } from '@casebook/event-store';
import { PgliteSqlClient } from '@casebook/platform';
import { ReadModelCatalog } from '../runtime/read-model-catalog';
import { ProjectionRunner } from '../runtime/projection-runner';
import { obligationsProjection } from './obligations.projection';
import { findObligations } from './obligations.query';

it('smoke', async () => {
  const sql = await PgliteSqlClient.open();
  const store = await PostgresEventStore.open(sql);
  await store.appendToStream('pupil-conduct-p1', [{ eventId: '018f0000-0000-7000-8000-000000000001', type: 'DeviceTakenIntoCustody', schemaVersion: 1, data: { custodyId: 'c1', obligations: [{ obligationId: 'o1', kind: 'device-return', regarding: 'c1', dueAt: '2026-01-01T00:00:00Z' }] }, metadata: { actorId: 'a', actorRole: 'director', schoolId: 's1', correlationId: 'x', causationId: null, occurredAt: '2025-12-31T10:00:00Z' } }], { expectedRevision: 'no-stream' });
  const catalog = await ReadModelCatalog.open(sql, [obligationsProjection]);
  const runner = new ProjectionRunner({ catalog, store, name: 'obligations', version: 1 });
  expect(await runner.catchUp()).toBe(1);
  const source = await catalog.dataSource('obligations', 1);
  console.log(await findObligations(source, { now: new Date(), limit: 10, offset: 0 }));
  await catalog.close();
  await sql.close();
});

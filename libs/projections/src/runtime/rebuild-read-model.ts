import { EventConsumer, type EventStore, categoryOf } from '@casebook/event-store';
import type { SqlClient } from '@casebook/platform';
import type { DataSource } from 'typeorm';
import { applyBatch, domainEventsOf } from './apply-batch';
import type { AnyProjection } from './projection';
import { ProjectionRunner } from './projection-runner';
import type { ReadModelCatalog } from './read-model-catalog';

export interface RebuildResult {
  readonly name: string;
  readonly from: number;
  readonly to: number;
  readonly events: number;
  readonly ms: number;
}

/**
 * Rebuild without downtime: a new version is built in its own schema from position 0 while the live one keeps
 * serving reads and keeps being fed; then reads switch to it in one statement, and the worker follows. The
 * previous version stays until the next rebuild (a way back), older ones are dropped. Projections have no side
 * effects (reminders and Kafka are separate subscriptions), so replaying history repeats nothing outside.
 */
export async function rebuildReadModel(
  catalog: ReadModelCatalog,
  store: EventStore,
  name: string,
  onProgress?: (events: number) => void,
): Promise<RebuildResult> {
  const started = Date.now();
  const live = await catalog.liveVersion(name);
  const versions = await catalog.versions(name);
  for (const { version } of versions) if (version !== live) await catalog.dropVersion(name, version);
  const next = Math.max(live, ...versions.map((v) => v.version)) + 1;
  await catalog.createVersion(name, next);
  const runner = new ProjectionRunner({ catalog, store, name, version: next, batchSize: 1_000 });
  for (let step = await runner.step(); step !== 0; step = await runner.step()) onProgress?.(runner.applied);
  await catalog.switchLive(name, next);
  return { name, from: live, to: next, events: runner.applied, ms: Date.now() - started };
}

/**
 * Rebuilds several read models in one pass over history: each batch is read once (the union of their
 * categories) and handed to every new version, each in its own transaction with its own checkpoint. Reading
 * once instead of once per read model is what makes `rebuild all` cheaper than six rebuilds.
 */
export async function rebuildReadModels(
  catalog: ReadModelCatalog,
  store: EventStore,
  names: readonly string[],
  batchSize = 2_000,
  /** Called after each committed batch of the pass (progress; the fault tests' pause point). */
  afterBatch?: (batches: number) => Promise<void>,
): Promise<RebuildResult[]> {
  const started = Date.now();
  const plans: { name: string; live: number; next: number; projection: AnyProjection; source: DataSource; events: number }[] = [];
  for (const name of names) {
    const live = await catalog.liveVersion(name);
    const versions = await catalog.versions(name);
    for (const { version } of versions) if (version !== live) await catalog.dropVersion(name, version);
    const next = Math.max(live, ...versions.map((v) => v.version)) + 1;
    await catalog.createVersion(name, next);
    const projection = catalog.projection(name);
    plans.push({ name, live, next, projection, source: await catalog.dataSource(name, next), events: 0 });
  }
  // The one consumer loop, with a checkpoint of its own: every new version is at `from` after each batch.
  let from = 0;
  const pass = new EventConsumer({
    name: `rebuild ${names.join(',')}`,
    store,
    categories: [...new Set(plans.flatMap((plan) => plan.projection.categories as readonly string[]))],
    batchSize,
    checkpoint: async () => from,
    apply: async (batch) => {
      const { known } = domainEventsOf(batch.events);
      await Promise.all(
        plans.map(async (plan) => {
          const own = known.filter((event) => (plan.projection.categories as readonly string[]).includes(categoryOf(event.streamId)));
          await applyBatch(plan.source, plan.projection, plan.next, own, batch.from, batch.to);
          plan.events += own.length;
        }),
      );
      from = batch.to;
    },
  });
  for (let batches = 1; (await pass.step()) !== 0; batches++) await afterBatch?.(batches);
  // The rebuild caught up with the head it last read; the worker takes each new version from there.
  for (const plan of plans) await catalog.switchLive(plan.name, plan.next);
  const ms = Date.now() - started;
  return plans.map((plan) => ({ name: plan.name, from: plan.live, to: plan.next, events: plan.events, ms }));
}

export interface ReadModelStatus {
  readonly name: string;
  readonly liveVersion: number;
  readonly position: number;
  /** Events of its categories after its checkpoint (capped at 10,000). */
  readonly lag: number;
  readonly versions: readonly { readonly version: number; readonly position: number; readonly events: number }[];
}

export async function readModelStatus(catalog: ReadModelCatalog, store: EventStore): Promise<ReadModelStatus[]> {
  return Promise.all(
    catalog.projections.map(async (projection) => {
      const liveVersion = await catalog.liveVersion(projection.name);
      const position = await catalog.position(projection.name, liveVersion);
      const behind = await store.readAll({ from: position === 0 ? 'start' : position, limit: 10_000, categories: projection.categories });
      return { name: projection.name, liveVersion, position, lag: behind.length, versions: await catalog.versions(projection.name) };
    }),
  );
}

/**
 * At start: every read model whose live version was built with other tables than the code now declares (a
 * projection's DDL changed in a release) is rebuilt before it serves, in one pass. On a server the api and the
 * worker may start together: the first holds an advisory lock while it rebuilds (its work runs on other pool
 * connections), the second waits and then finds nothing outdated. The embedded database is one process's alone.
 */
export async function rebuildOutdatedReadModels(catalog: ReadModelCatalog, store: EventStore, sql: SqlClient): Promise<RebuildResult[]> {
  if ((await catalog.outdated()).length === 0) return [];
  const rebuild = async () => {
    const names = await catalog.outdated();
    return names.length ? rebuildReadModels(catalog, store, names) : [];
  };
  if (sql.engine === 'pglite') return rebuild();
  return sql.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', ['casebook-rebuild-outdated-read-models']);
    return rebuild();
  });
}

import type { EventStore } from '@casebook/event-store';
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
export async function rebuildReadModel(catalog: ReadModelCatalog, store: EventStore, name: string, onProgress?: (events: number) => void): Promise<RebuildResult> {
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

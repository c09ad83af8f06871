import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import { type SqlClient, runMigrations } from '@casebook/platform';
import type { AnyProjection } from './projection';
import { PROJECTION_STORE_MIGRATIONS } from './projection-store.migrations';
import { sqlClientPgDriver } from './sql-client-pg-driver';

/**
 * The read models of this deployment: for each projection, which version serves reads, the schema each version
 * lives in, and a TypeORM DataSource per version (all over the one SqlClient).
 */
export class ReadModelCatalog {
  private readonly sources = new Map<string, Promise<DataSource>>();

  private constructor(
    private readonly sql: SqlClient,
    readonly projections: readonly AnyProjection[],
  ) {}

  /** Migrates the bookkeeping tables and gives every projection a live version (1 on a fresh database). */
  static async open(sql: SqlClient, projections: readonly AnyProjection[]): Promise<ReadModelCatalog> {
    await runMigrations(sql, 'projections', PROJECTION_STORE_MIGRATIONS);
    const catalog = new ReadModelCatalog(sql, projections);
    for (const projection of projections) {
      // The api and the worker may start together on a fresh database: one of them creates version 1.
      await sql.transaction(async (tx) => {
        await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`casebook-read-model-${projection.name}`]);
        const [live] = await tx.query('SELECT live_version FROM projection_versions WHERE name = $1', [projection.name]);
        if (live) return;
        const schema = ReadModelCatalog.schemaOf(projection.name, 1);
        await tx.exec(`DROP SCHEMA IF EXISTS "${schema}" CASCADE; CREATE SCHEMA "${schema}";\n${projection.ddl(`"${schema}"`)}`);
        await tx.query(
          'INSERT INTO projection_checkpoints (name, version, ddl_hash) VALUES ($1, 1, $2) ON CONFLICT (name, version) DO UPDATE SET position = 0, events = 0, ddl_hash = excluded.ddl_hash',
          [projection.name, ReadModelCatalog.ddlHashOf(projection)],
        );
        await tx.query('INSERT INTO projection_versions (name, live_version) VALUES ($1, 1)', [projection.name]);
      });
    }
    return catalog;
  }

  projection(name: string): AnyProjection {
    const projection = this.projections.find((p) => p.name === name);
    if (!projection) throw new Error(`No read model "${name}"; known: ${this.projections.map((p) => p.name).join(', ')}`);
    return projection;
  }

  /**
   * What a version was built from: a hash of the projection's DDL (the schema name left out) and of the stream
   * categories it reads — a read model that starts reading another kind of stream must be rebuilt as surely as one
   * whose tables changed.
   */
  static ddlHashOf(projection: AnyProjection): string {
    return createHash('sha256')
      .update(projection.ddl('"schema"'))
      .update(`\n-- reads: ${[...projection.categories].sort().join(', ')}`)
      .digest('hex')
      .slice(0, 16);
  }

  /** The read models whose live version was built with other tables than today's code declares: to be rebuilt. */
  async outdated(): Promise<string[]> {
    const rows = await this.sql.query<{ name: string; ddl_hash: string | null }>(
      'SELECT v.name, c.ddl_hash FROM projection_versions v JOIN projection_checkpoints c ON c.name = v.name AND c.version = v.live_version',
    );
    const built = new Map(rows.map((row) => [row.name, row.ddl_hash]));
    return this.projections.filter((projection) => built.get(projection.name) !== ReadModelCatalog.ddlHashOf(projection)).map((projection) => projection.name);
  }

  static schemaOf(name: string, version: number): string {
    return `rm_${name.replace(/-/g, '_')}_v${version}`;
  }

  async liveVersion(name: string): Promise<number> {
    const [row] = await this.sql.query<{ live_version: number }>('SELECT live_version FROM projection_versions WHERE name = $1', [name]);
    if (!row) throw new Error(`Read model ${name} has no live version`);
    return Number(row.live_version);
  }

  async versions(name: string): Promise<{ version: number; position: number; events: number }[]> {
    const rows = await this.sql.query<{ version: number; position: string; events: string }>(
      'SELECT version, position, events FROM projection_checkpoints WHERE name = $1 ORDER BY version',
      [name],
    );
    return rows.map((r) => ({ version: Number(r.version), position: Number(r.position), events: Number(r.events) }));
  }

  async position(name: string, version: number): Promise<number> {
    const [row] = await this.sql.query<{ position: string }>('SELECT position FROM projection_checkpoints WHERE name = $1 AND version = $2', [name, version]);
    return Number(row?.position ?? 0);
  }

  /** A fresh, empty version: its schema, its tables, and a checkpoint at the start. */
  async createVersion(name: string, version: number): Promise<void> {
    const schema = ReadModelCatalog.schemaOf(name, version);
    await this.sql.exec(`DROP SCHEMA IF EXISTS "${schema}" CASCADE; CREATE SCHEMA "${schema}";\n${this.projection(name).ddl(`"${schema}"`)}`);
    await this.sql.query(
      `INSERT INTO projection_checkpoints (name, version, ddl_hash) VALUES ($1, $2, $3)
       ON CONFLICT (name, version) DO UPDATE SET position = 0, events = 0, updated_at = now(), ddl_hash = excluded.ddl_hash`,
      [name, version, ReadModelCatalog.ddlHashOf(this.projection(name))],
    );
  }

  /** Reads move to `version` in one statement; the previous version stays until the next rebuild drops it. */
  async switchLive(name: string, version: number): Promise<void> {
    await this.sql.query('UPDATE projection_versions SET live_version = $2, switched_at = now() WHERE name = $1', [name, version]);
  }

  async dropVersion(name: string, version: number): Promise<void> {
    const key = `${name}@${version}`;
    const source = this.sources.get(key);
    this.sources.delete(key);
    if (source) await (await source).destroy();
    await this.sql.exec(`DROP SCHEMA IF EXISTS "${ReadModelCatalog.schemaOf(name, version)}" CASCADE`);
    await this.sql.query('DELETE FROM projection_checkpoints WHERE name = $1 AND version = $2', [name, version]);
  }

  /** TypeORM over the version's schema. */
  dataSource(name: string, version: number): Promise<DataSource> {
    const key = `${name}@${version}`;
    let source = this.sources.get(key);
    if (!source) {
      const options = {
        type: 'postgres' as const,
        driver: sqlClientPgDriver(this.sql),
        schema: ReadModelCatalog.schemaOf(name, version),
        entities: [...this.projection(name).entities],
        synchronize: false,
        installExtensions: false,
        logging: false,
      };
      source = new DataSource(options).initialize();
      this.sources.set(key, source);
    }
    return source;
  }

  async close(): Promise<void> {
    const sources = [...this.sources.values()];
    this.sources.clear();
    await Promise.all(sources.map(async (source) => (await source).destroy()));
  }
}

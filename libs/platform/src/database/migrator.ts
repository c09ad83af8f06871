import type { SqlClient } from './sql-client';

export interface Migration {
  /** Unique and ordered within its owner: '001-events'. Never rename or edit one that has shipped. */
  readonly id: string;
  readonly sql: string;
}

/**
 * Applies each owner's migrations once, in order, each in its own transaction with its bookkeeping row.
 * An advisory lock makes concurrent starts (api and worker together) safe on a shared server.
 */
export async function runMigrations(sql: SqlClient, owner: string, migrations: readonly Migration[]): Promise<string[]> {
  const applied: string[] = [];
  await sql.transaction(async (tx) => {
    // One lock for all owners: it also guards the CREATE of the bookkeeping table, which races otherwise.
    await tx.query(`SELECT pg_advisory_xact_lock(hashtext('casebook:migrations'))`);
    await tx.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      owner text NOT NULL, id text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now(), PRIMARY KEY (owner, id))`);
    const done = new Set((await tx.query<{ id: string }>('SELECT id FROM schema_migrations WHERE owner = $1', [owner])).map((row) => row.id));
    for (const migration of migrations) {
      if (done.has(migration.id)) continue;
      await tx.exec(migration.sql);
      await tx.query('INSERT INTO schema_migrations (owner, id) VALUES ($1, $2)', [owner, migration.id]);
      applied.push(migration.id);
    }
  });
  return applied;
}

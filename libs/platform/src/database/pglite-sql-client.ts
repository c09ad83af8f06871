import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import type { SqlClient, SqlQueryable, SqlRow } from './sql-client';

/**
 * SqlClient on PGlite: PostgreSQL in this process (WASM). One session only, so PGlite queues queries and
 * runs transactions exclusively; that is correct, just not parallel. `dataDir` undefined = in memory.
 */
export class PgliteSqlClient implements SqlClient {
  readonly engine = 'pglite' as const;

  private constructor(private readonly db: PGlite) {}

  static async open(dataDir?: string): Promise<PgliteSqlClient> {
    if (dataDir) mkdirSync(dataDir, { recursive: true });
    const db = await PGlite.create(dataDir ? { dataDir } : {});
    return new PgliteSqlClient(db);
  }

  async query<R extends SqlRow = SqlRow>(text: string, params: readonly unknown[] = []): Promise<R[]> {
    const result = await this.db.query<R>(text, params as unknown[]);
    return result.rows;
  }

  async exec(script: string): Promise<void> {
    await this.db.exec(script);
  }

  async transaction<T>(work: (tx: SqlQueryable) => Promise<T>): Promise<T> {
    return this.db.transaction(async (tx) =>
      work({
        query: async <R extends SqlRow>(text: string, params: readonly unknown[] = []) =>
          (await tx.query<R>(text, params as unknown[])).rows,
        exec: async (script: string) => {
          await tx.exec(script);
        },
      }),
    );
  }

  async listen(channel: string, onNotify: () => void): Promise<() => Promise<void>> {
    const unlisten = await this.db.listen(channel, () => onNotify());
    return async () => unlisten();
  }

  async close(): Promise<void> {
    if (!this.db.closed) await this.db.close();
  }
}

import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { DataDirLock } from './data-dir-lock';
import type { SqlClient, SqlQueryable, SqlRow } from './sql-client';

/**
 * SqlClient on PGlite: PostgreSQL in this process (WASM). One session only, so PGlite queues queries and
 * runs transactions exclusively; that is correct, just not parallel. `dataDir` undefined = in memory.
 * A data directory is opened by one process at a time (DataDirLock): a second one gets DataDirInUseError.
 */
export class PgliteSqlClient implements SqlClient {
  readonly engine = 'pglite' as const;

  private constructor(
    private readonly db: PGlite,
    private readonly lock: DataDirLock | undefined,
  ) {}

  static async open(dataDir?: string, processName = 'casebook'): Promise<PgliteSqlClient> {
    if (!dataDir) return new PgliteSqlClient(await PGlite.create({}), undefined);
    mkdirSync(dataDir, { recursive: true });
    const lock = await DataDirLock.acquire(dataDir, processName);
    try {
      return new PgliteSqlClient(await PGlite.create({ dataDir }), lock);
    } catch (error) {
      await lock.release();
      throw error;
    }
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
        query: async <R extends SqlRow>(text: string, params: readonly unknown[] = []) => (await tx.query<R>(text, params as unknown[])).rows,
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
    // Only once PGlite has written its files: the next process may open them from here on.
    await this.lock?.release();
  }
}

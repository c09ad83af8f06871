import { Client, Pool, type PoolConfig } from 'pg';
import type { QueryOptions, SqlClient, SqlQueryable, SqlRow } from './sql-client';

export interface PgSqlClientOptions {
  readonly connectionString: string;
  readonly poolSize: number;
  readonly applicationName?: string;
}

/** SqlClient on a PostgreSQL server through a `pg` pool. */
export class PgSqlClient implements SqlClient {
  readonly engine = 'postgres' as const;
  private readonly pool: Pool;
  private readonly listeners = new Set<Client>();

  constructor(private readonly options: PgSqlClientOptions) {
    const config: PoolConfig = {
      connectionString: options.connectionString,
      max: options.poolSize,
      application_name: options.applicationName ?? 'casebook',
      connectionTimeoutMillis: 5_000,
    };
    this.pool = new Pool(config);
    // An idle client that loses its server (restart, network) emits 'error'; without a handler node exits.
    this.pool.on('error', () => undefined);
  }

  async query<R extends SqlRow = SqlRow>(text: string, params: readonly unknown[] = [], options: QueryOptions = {}): Promise<R[]> {
    const result = options.prepareAs
      ? await this.pool.query({ name: options.prepareAs, text, values: params as unknown[] })
      : await this.pool.query(text, params as unknown[]);
    return result.rows as R[];
  }

  async exec(script: string): Promise<void> {
    await this.pool.query(script);
  }

  async transaction<T>(work: (tx: SqlQueryable) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    // A checked-out client is the caller's to watch: if the server goes away mid-transaction it emits 'error',
    // and with no listener that would end the process. The failing query rejects anyway; the client is discarded.
    let broken: Error | undefined;
    const onError = (error: Error) => (broken = error);
    client.on('error', onError);
    try {
      await client.query('BEGIN');
      const tx: SqlQueryable = {
        query: async <R extends SqlRow>(text: string, params: readonly unknown[] = []) =>
          (await client.query(text, params as unknown[])).rows as R[],
        exec: async (script: string) => {
          await client.query(script);
        },
      };
      const result = await work(tx);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      if (!broken) await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.off('error', onError);
      // A broken connection is destroyed, not returned to the pool for the next caller to trip over.
      client.release(broken);
    }
  }

  async listen(channel: string, onNotify: () => void): Promise<() => Promise<void>> {
    // LISTEN needs a session of its own: pooled connections are shared and come and go.
    const client = new Client({ connectionString: this.options.connectionString, application_name: 'casebook-listen' });
    client.on('error', () => undefined);
    await client.connect();
    client.on('notification', (message) => {
      if (message.channel === channel) onNotify();
    });
    await client.query(`LISTEN ${quoteIdentifier(channel)}`);
    this.listeners.add(client);
    return async () => {
      this.listeners.delete(client);
      await client.end().catch(() => undefined);
    };
  }

  async close(): Promise<void> {
    await Promise.all([...this.listeners].map((client) => client.end().catch(() => undefined)));
    this.listeners.clear();
    await this.pool.end();
  }
}

function quoteIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

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
  private readonly listeners = new Set<ReconnectingListener>();

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
        query: async <R extends SqlRow>(text: string, params: readonly unknown[] = []) => (await client.query(text, params as unknown[])).rows as R[],
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
    const listener = new ReconnectingListener(this.options.connectionString, channel, onNotify);
    await listener.start();
    this.listeners.add(listener);
    return async () => {
      this.listeners.delete(listener);
      await listener.stop();
    };
  }

  async close(): Promise<void> {
    await Promise.all([...this.listeners].map((listener) => listener.stop()));
    this.listeners.clear();
    await this.pool.end();
  }
}

/** Backoff between attempts to listen again after the session was lost. */
const RELISTEN_MIN_MS = 100;
const RELISTEN_MAX_MS = 5_000;

/**
 * LISTEN needs a session of its own (pooled connections are shared and come and go), and a session does not
 * survive a server restart or a network cut. When it ends, this opens a new one and listens again, with backoff,
 * for as long as it is not stopped; once listening again it wakes the subscriber once, because whatever was sent
 * in the gap is lost (a wake-up only: subscribers read the tables anyway, decisions.md #6).
 */
class ReconnectingListener {
  private client: Client | undefined;
  private stopped = false;
  private retry: NodeJS.Timeout | undefined;
  private delayMs = RELISTEN_MIN_MS;

  constructor(
    private readonly connectionString: string,
    private readonly channel: string,
    private readonly onNotify: () => void,
  ) {}

  /** The first LISTEN: its failure is the caller's (a process that cannot reach its database at start stops). */
  async start(): Promise<void> {
    await this.connect();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retry);
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    const client = new Client({ connectionString: this.connectionString, application_name: 'casebook-listen' });
    // 'error' comes first when the server goes away, then 'end': one reconnect for both.
    let lost = false;
    const onLost = () => {
      if (lost) return;
      lost = true;
      if (this.client === client) this.client = undefined;
      void client.end().catch(() => undefined);
      this.scheduleReconnect();
    };
    client.on('error', onLost);
    try {
      await client.connect();
      client.on('notification', (message) => {
        if (message.channel === this.channel) this.onNotify();
      });
      await client.query(`LISTEN ${quoteIdentifier(this.channel)}`);
    } catch (error) {
      lost = true;
      client.off('error', onLost);
      await client.end().catch(() => undefined);
      throw error;
    }
    client.on('end', onLost);
    if (this.stopped) {
      await client.end().catch(() => undefined);
      return;
    }
    this.client = client;
    this.delayMs = RELISTEN_MIN_MS;
  }

  private scheduleReconnect(): void {
    if (this.stopped) return;
    this.retry = setTimeout(() => {
      this.connect().then(
        () => {
          if (!this.stopped) this.onNotify();
        },
        () => {
          this.delayMs = Math.min(this.delayMs * 2, RELISTEN_MAX_MS);
          this.scheduleReconnect();
        },
      );
    }, this.delayMs);
    this.retry.unref();
  }
}

function quoteIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

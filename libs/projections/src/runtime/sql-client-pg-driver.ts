import type { SqlClient, SqlQueryable, SqlRow } from '@casebook/platform';

/**
 * A `pg`-shaped module that TypeORM's postgres driver can use (`DataSourceOptions.driver`), running every
 * statement through our `SqlClient`. Why: the embedded default has one PGlite instance that only this process
 * may open, so TypeORM must share it with the event store; and PGlite is one session, so a TypeORM transaction
 * must hold it exclusively. TypeORM's `START TRANSACTION … COMMIT` becomes one `SqlClient.transaction`, which
 * does exactly that on PGlite and takes one pooled connection on a PostgreSQL server.
 */
export function sqlClientPgDriver(sql: SqlClient): unknown {
  class Pool {
    on(): this {
      return this;
    }
    connect(callback?: (error: Error | null, client: Connection, release: () => void) => void): Promise<Connection> | undefined {
      const connection = new Connection(sql);
      if (!callback) return Promise.resolve(connection);
      callback(null, connection, () => connection.release());
      return undefined;
    }
    end(callback?: (error?: Error) => void): Promise<void> {
      callback?.();
      return Promise.resolve();
    }
  }
  return { Pool };
}

interface OpenTransaction {
  readonly queryable: SqlQueryable;
  readonly finish: (commit: boolean) => void;
  readonly finished: Promise<void>;
}

const ROLLED_BACK = Symbol('rolled back');

/** One TypeORM "connection": plain queries go to the client; between START and COMMIT, to one transaction. */
class Connection {
  private transaction: OpenTransaction | null = null;

  constructor(private readonly sql: SqlClient) {}

  // TypeORM listens for connection errors; ours surface on the query that failed.
  on(): this {
    return this;
  }

  removeListener(): this {
    return this;
  }

  release(): void {
    // A connection released inside a transaction (TypeORM does not do this) rolls it back rather than leak it.
    this.transaction?.finish(false);
    this.transaction = null;
  }

  async query(text: string, params: readonly unknown[] = []): Promise<{ rows: SqlRow[]; rowCount: number; command: string }> {
    const statement = text.trim().replace(/;$/, '').toUpperCase();
    if (statement === 'START TRANSACTION' || statement === 'BEGIN' || statement.startsWith('START TRANSACTION ISOLATION')) {
      if (this.transaction) throw new Error('A transaction is already open on this connection');
      this.transaction = await this.begin();
      return result([], 'BEGIN');
    }
    if (statement === 'COMMIT' || statement === 'ROLLBACK') {
      const open = this.transaction;
      this.transaction = null;
      if (!open) return result([], statement);
      open.finish(statement === 'COMMIT');
      await open.finished;
      return result([], statement);
    }
    const rows = await (this.transaction?.queryable ?? this.sql).query(text, params);
    return result(rows, statement.split(/\s+/, 1)[0] ?? '');
  }

  /** Opens `SqlClient.transaction` and keeps it open until COMMIT or ROLLBACK decides how it ends. */
  private begin(): Promise<OpenTransaction> {
    return new Promise((opened, failed) => {
      let finish!: (commit: boolean) => void;
      const decided = new Promise<boolean>((resolve) => (finish = resolve));
      let queryable: SqlQueryable | undefined;
      const finished = this.sql
        .transaction(async (tx) => {
          queryable = tx;
          await Promise.resolve(); // lets `finished` below be assigned before it is handed out
          opened({ queryable: tx, finish, finished });
          if (!(await decided)) throw ROLLED_BACK;
        })
        .catch((error: unknown) => {
          if (error !== ROLLED_BACK) throw error;
        });
      // The transaction could not even start (no connection): say so to START TRANSACTION.
      finished.catch((error: unknown) => {
        if (!queryable) failed(error);
      });
    });
  }
}

function result(rows: SqlRow[], command: string): { rows: SqlRow[]; rowCount: number; command: string } {
  return { rows, rowCount: rows.length, command };
}

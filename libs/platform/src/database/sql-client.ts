/**
 * The one seam between our SQL code and a PostgreSQL engine. Two implementations: a `pg` pool against a
 * PostgreSQL server, and PGlite (PostgreSQL compiled to WASM, in-process) for the embedded default.
 * Everything above this interface is the same SQL on both.
 */
export interface SqlRow {
  readonly [column: string]: unknown;
}

export interface QueryOptions {
  /** Names a hot statement so a server connection parses and plans it once (ignored by PGlite). */
  readonly prepareAs?: string;
}

export interface SqlQueryable {
  query<R extends SqlRow = SqlRow>(text: string, params?: readonly unknown[], options?: QueryOptions): Promise<R[]>;
  /** Runs a script of several statements without parameters (migrations). */
  exec(script: string): Promise<void>;
}

export type SqlEngine = 'postgres' | 'pglite';

export interface SqlClient extends SqlQueryable {
  readonly engine: SqlEngine;
  /** Runs `work` in one transaction on one connection; commits on success, rolls back on throw. */
  transaction<T>(work: (tx: SqlQueryable) => Promise<T>): Promise<T>;
  /** Wakes `onNotify` on NOTIFY to `channel`. A wake-up only: callers still read the data from tables. */
  listen(channel: string, onNotify: () => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

/** SQLSTATE of a PostgreSQL error, whichever client raised it. */
export function sqlStateOf(error: unknown): string | undefined {
  if (typeof error === 'object' && error !== null && 'code' in error) {
    const code = (error as { code: unknown }).code;
    return typeof code === 'string' ? code : undefined;
  }
  return undefined;
}

/** Constraint name of a PostgreSQL error (unique violations name the index that refused the row). */
export function constraintOf(error: unknown): string | undefined {
  if (typeof error === 'object' && error !== null && 'constraint' in error) {
    const constraint = (error as { constraint: unknown }).constraint;
    return typeof constraint === 'string' ? constraint : undefined;
  }
  return undefined;
}

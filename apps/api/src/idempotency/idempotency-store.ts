import type { SqlClient } from '@casebook/platform';

export interface StoredResponse {
  readonly statusCode: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: unknown;
}

export type Reservation =
  | { readonly kind: 'reserved' }
  | { readonly kind: 'replay'; readonly response: StoredResponse }
  | { readonly kind: 'in-progress' }
  | { readonly kind: 'different-request' };

/**
 * Keys are per caller. Reserving inserts a row first, so of two concurrent requests with one key only one
 * runs the command; the other is told it is in progress. Only successful responses are kept for replay: a
 * refused command frees its key, so the client can retry it once the case allows.
 */
export class IdempotencyStore {
  constructor(private readonly sql: SqlClient) {}

  async reserve(actorId: string, key: string, requestHash: string): Promise<Reservation> {
    const inserted = await this.sql.query(
      `INSERT INTO http_idempotency_keys (actor_id, key, request_hash) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING key`,
      [actorId, key, requestHash],
    );
    if (inserted.length) return { kind: 'reserved' };
    const [row] = await this.sql.query<{ request_hash: string; status_code: number | null; headers: Record<string, string> | null; body: unknown }>(
      'SELECT request_hash, status_code, headers, body FROM http_idempotency_keys WHERE actor_id = $1 AND key = $2',
      [actorId, key],
    );
    if (!row) return this.reserve(actorId, key, requestHash); // released meanwhile: try again
    if (row.request_hash !== requestHash) return { kind: 'different-request' };
    if (row.status_code === null) return { kind: 'in-progress' };
    return { kind: 'replay', response: { statusCode: row.status_code, headers: row.headers ?? {}, body: row.body } };
  }

  async complete(actorId: string, key: string, response: StoredResponse): Promise<void> {
    await this.sql.query('UPDATE http_idempotency_keys SET status_code = $3, headers = $4::jsonb, body = $5::jsonb WHERE actor_id = $1 AND key = $2', [
      actorId,
      key,
      response.statusCode,
      JSON.stringify(response.headers),
      JSON.stringify(response.body),
    ]);
  }

  async release(actorId: string, key: string): Promise<void> {
    await this.sql.query('DELETE FROM http_idempotency_keys WHERE actor_id = $1 AND key = $2 AND status_code IS NULL', [actorId, key]);
  }
}

import type { EventStore, RecordedEvent } from '@casebook/event-store';
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

/** What the reserving request is: its body's hash, and the correlation id its events will carry. */
export interface Attempt {
  readonly requestHash: string;
  readonly correlationId: string;
  /** The answer's status when it succeeds (201 for a create), for an answer recovered from the store. */
  readonly successStatus: number;
}

/**
 * How long a reservation is held for the request that made it. A request that has not completed its key by then is
 * taken to have died with its process (#31 item 4: a kill -9 left keys "still being processed" for good); a command
 * takes well under a second, and a request body may take REQUEST_TIMEOUT_MS (30 s) to arrive before it.
 */
export const LEASE_SECONDS = 60;
/** Events read per page when looking for a dead attempt's events. */
const PAGE = 1000;

type KeyRow = {
  request_hash: string;
  status_code: number | null;
  headers: Record<string, string> | null;
  body: unknown;
  correlation_id: string | null;
  from_position: string | number | null;
  success_status: number | null;
  expired: boolean;
};

/**
 * Keys are per caller. Reserving inserts a row first, so of two concurrent requests with one key only one runs the
 * command; the other is told it is in progress. Only successful responses are kept for replay: a refused command
 * frees its key, so the client can retry it once the case allows.
 *
 * A reservation is a lease: once it has expired with no answer kept, the request that made it died (its process was
 * killed). A retry then reads the store for the dead attempt's events (by the correlation id it reserved with, from
 * the position the store had reached): found, the command was carried out and the retry answers what the events say
 * (the id, revision and position; kept as the key's answer from then on); not found, nothing was written and the
 * retry takes the key over and runs the command.
 */
export class IdempotencyStore {
  constructor(
    private readonly sql: SqlClient,
    private readonly store: EventStore,
  ) {}

  async reserve(actorId: string, key: string, attempt: Attempt): Promise<Reservation> {
    const head = await this.store.headPosition();
    const inserted = await this.sql.query(
      `INSERT INTO http_idempotency_keys (actor_id, key, request_hash, correlation_id, from_position, success_status, lease_until)
       VALUES ($1, $2, $3, $4, $5, $6, now() + make_interval(secs => $7)) ON CONFLICT DO NOTHING RETURNING key`,
      [actorId, key, attempt.requestHash, attempt.correlationId, head, attempt.successStatus, LEASE_SECONDS],
    );
    if (inserted.length) return { kind: 'reserved' };
    const [row] = await this.sql.query<KeyRow>(
      `SELECT request_hash, status_code, headers, body, correlation_id, from_position, success_status, lease_until < now() AS expired
         FROM http_idempotency_keys WHERE actor_id = $1 AND key = $2`,
      [actorId, key],
    );
    if (!row) return this.reserve(actorId, key, attempt); // released meanwhile: try again
    if (row.request_hash !== attempt.requestHash) return { kind: 'different-request' };
    if (row.status_code !== null) return { kind: 'replay', response: { statusCode: row.status_code, headers: row.headers ?? {}, body: row.body } };
    if (!row.expired) return { kind: 'in-progress' };
    return this.recover(actorId, key, row, attempt, head);
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

  /** The lease of a dead attempt: its outcome from the store, or the key taken over by this attempt. */
  private async recover(actorId: string, key: string, row: KeyRow, attempt: Attempt, head: number): Promise<Reservation> {
    const written = row.correlation_id ? await this.eventsOf(row.correlation_id, Number(row.from_position ?? 0)) : [];
    if (written.length > 0) {
      const response = { statusCode: row.success_status ?? 200, headers: {}, body: answerFrom(written) };
      const kept = await this.sql.query(
        `UPDATE http_idempotency_keys SET status_code = $3, headers = '{}'::jsonb, body = $4::jsonb
          WHERE actor_id = $1 AND key = $2 AND status_code IS NULL AND correlation_id = $5 RETURNING key`,
        [actorId, key, response.statusCode, JSON.stringify(response.body), row.correlation_id],
      );
      return kept.length ? { kind: 'replay', response } : this.reserve(actorId, key, attempt);
    }
    const taken = await this.sql.query(
      `UPDATE http_idempotency_keys SET correlation_id = $3, from_position = $4, success_status = $5, lease_until = now() + make_interval(secs => $6)
        WHERE actor_id = $1 AND key = $2 AND status_code IS NULL AND lease_until < now() AND correlation_id IS NOT DISTINCT FROM $7 RETURNING key`,
      [actorId, key, attempt.correlationId, head, attempt.successStatus, LEASE_SECONDS, row.correlation_id],
    );
    // Another retry took it over first: that one runs the command.
    return taken.length ? { kind: 'reserved' } : { kind: 'in-progress' };
  }

  /** The events a correlation id's request appended after `from` (a dead request's: none are still being written). */
  private async eventsOf(correlationId: string, from: number): Promise<RecordedEvent[]> {
    const found: RecordedEvent[] = [];
    for (let position = from; ;) {
      const page = await this.store.readAll({ from: position, limit: PAGE });
      found.push(...page.filter((event) => event.metadata.correlationId === correlationId));
      if (page.length < PAGE) return found;
      position = page[page.length - 1]!.globalPosition;
    }
  }
}

const ENTITY_ID = /([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;

/**
 * A dead attempt's answer as the events tell it: the first stream it wrote that is named by an id (the command's own:
 * the case of a report, not the year's case-number counter written in the same commit), that stream's last revision,
 * the last position; a case's number.
 */
function answerFrom(events: readonly RecordedEvent[]): Record<string, unknown> {
  const first = events.find((event) => ENTITY_ID.test(event.streamId)) ?? events[0]!;
  const own = events.filter((event) => event.streamId === first.streamId);
  const numbered = own.find((event) => event.type === 'CaseNumbered');
  return {
    id: ENTITY_ID.exec(first.streamId)?.[1] ?? first.streamId,
    revision: own[own.length - 1]!.streamRevision,
    position: Math.max(...events.map((event) => event.globalPosition)),
    ...(numbered ? { caseNumber: (numbered.data as { caseNumber?: unknown }).caseNumber } : {}),
  };
}

import { createHash, randomBytes } from 'node:crypto';
import { type Migration, type SqlClient, runMigrations } from '@casebook/platform';

/** DIR4: signed-in people's sessions, server-side: the cookie holds a random id, the table its hash. */
const SESSION_MIGRATIONS: readonly Migration[] = [
  {
    id: '001-auth-sessions',
    sql: `
CREATE TABLE auth_sessions (
  id_hash       text PRIMARY KEY,
  person_id     text NOT NULL,
  csrf_token    text NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now(),
  last_seen_at  timestamptz NOT NULL DEFAULT now(),
  revoked_at    timestamptz
);
CREATE INDEX auth_sessions_person ON auth_sessions (person_id);`,
  },
];

export interface Session {
  readonly personId: string;
  /** Sent back as `X-CSRF-Token` on every state-changing request made with the cookie. */
  readonly csrfToken: string;
}

const hash = (id: string) => createHash('sha256').update(id).digest('hex');

/**
 * Sessions with an idle and an absolute expiry, revocable (logout, or every session of a person at once). A session
 * id never reaches the database or a log in clear: a leaked table does not sign anyone in.
 */
export class SessionStore {
  private constructor(
    private readonly sql: SqlClient,
    private readonly limits: { readonly idleMinutes: number; readonly absoluteHours: number },
  ) {}

  static async open(sql: SqlClient, limits: { readonly idleMinutes: number; readonly absoluteHours: number }): Promise<SessionStore> {
    await runMigrations(sql, 'api-sessions', SESSION_MIGRATIONS);
    return new SessionStore(sql, limits);
  }

  async create(personId: string): Promise<Session & { readonly id: string }> {
    const id = randomBytes(32).toString('base64url');
    const csrfToken = randomBytes(24).toString('base64url');
    await this.sql.query('INSERT INTO auth_sessions (id_hash, person_id, csrf_token) VALUES ($1, $2, $3)', [hash(id), personId, csrfToken]);
    return { id, personId, csrfToken };
  }

  /** The live session of this id, its idle clock restarted; null when unknown, revoked, idle too long or too old. */
  async find(id: string): Promise<Session | null> {
    const [row] = await this.sql.query<{ person_id: string; csrf_token: string }>(
      `UPDATE auth_sessions SET last_seen_at = now()
        WHERE id_hash = $1 AND revoked_at IS NULL
          AND last_seen_at > now() - make_interval(mins => $2::int) AND created_at > now() - make_interval(hours => $3::int)
        RETURNING person_id, csrf_token`,
      [hash(id), this.limits.idleMinutes, this.limits.absoluteHours],
    );
    return row ? { personId: row.person_id, csrfToken: row.csrf_token } : null;
  }

  async revoke(id: string): Promise<void> {
    await this.sql.query('UPDATE auth_sessions SET revoked_at = now() WHERE id_hash = $1 AND revoked_at IS NULL', [hash(id)]);
  }
}

import { createHash, randomBytes } from 'node:crypto';
import { type Migration, type SqlClient, runMigrations } from '@casebook/platform';
import type { PendingLogin } from './oidc-sign-in';

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
  {
    // A login under way: what the callback checks the provider's answer against (OIDC state, nonce, PKCE verifier).
    id: '002-auth-logins',
    sql: `
CREATE TABLE auth_logins (
  id_hash        text PRIMARY KEY,
  state          text NOT NULL,
  nonce          text NOT NULL,
  code_verifier  text NOT NULL,
  created_at     timestamptz NOT NULL DEFAULT now()
);`,
  },
];

/** A login must come back from the identity provider within this many minutes. */
const LOGIN_MINUTES = 10;

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

  /** Keeps a login under way until its callback; the returned id goes in the browser's login cookie. */
  async beginLogin(pending: PendingLogin): Promise<string> {
    const id = randomBytes(32).toString('base64url');
    // Logins abandoned at the provider are cleared as new ones begin.
    await this.sql.query(`DELETE FROM auth_logins WHERE created_at < now() - make_interval(mins => $1::int)`, [LOGIN_MINUTES]);
    await this.sql.query('INSERT INTO auth_logins (id_hash, state, nonce, code_verifier) VALUES ($1, $2, $3, $4)', [
      hash(id),
      pending.state,
      pending.nonce,
      pending.codeVerifier,
    ]);
    return id;
  }

  /** The login of this cookie, once: a second callback with the same cookie (a replay) finds nothing. */
  async takeLogin(id: string): Promise<PendingLogin | null> {
    const [row] = await this.sql.query<{ state: string; nonce: string; code_verifier: string; fresh: boolean }>(
      `DELETE FROM auth_logins WHERE id_hash = $1 RETURNING state, nonce, code_verifier, created_at > now() - make_interval(mins => $2::int) AS fresh`,
      [hash(id), LOGIN_MINUTES],
    );
    return row?.fresh ? { state: row.state, nonce: row.nonce, codeVerifier: row.code_verifier } : null;
  }

  async revoke(id: string): Promise<void> {
    await this.sql.query('UPDATE auth_sessions SET revoked_at = now() WHERE id_hash = $1 AND revoked_at IS NULL', [hash(id)]);
  }
}

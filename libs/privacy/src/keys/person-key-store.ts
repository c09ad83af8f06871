import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { type SqlClient, runMigrations } from '@casebook/platform';
import type { DataKey, KeyRef } from '../sealing/sealed-text';
import { PRIVACY_MIGRATIONS } from './person-key-store.migrations';

/** How long a process keeps a key it sealed with; reads never use this cache (so a forget shows at once). */
/** Beyond this many cached keys, the expired ones are dropped. */
const SEAL_CACHE_MAX = 10_000;
const SEAL_CACHE_MS = 60_000;

/**
 * The data keys of people, wrapped by the master key. Sealing (appends) may use a key cached for a minute;
 * opening (reads) always asks the table, so once a person is forgotten no read anywhere can open their texts.
 */
export class PersonKeyStore {
  private readonly sealCache = new Map<string, { key: DataKey; until: number }>();

  private constructor(
    private readonly sql: SqlClient,
    private readonly masterKey: Buffer,
  ) {}

  static async open(sql: SqlClient, masterKey: Buffer): Promise<PersonKeyStore> {
    if (masterKey.length !== 32) throw new Error('The privacy master key must be 32 bytes');
    await runMigrations(sql, 'privacy', PRIVACY_MIGRATIONS);
    return new PersonKeyStore(sql, masterKey);
  }

  /** Each person's live key, made when a person has none (first mention, or mentioned again after being forgotten). */
  async keysToSeal(personIds: readonly string[]): Promise<DataKey[]> {
    const now = Date.now();
    const wanted = [...new Set(personIds)];
    const missing = wanted.filter((id) => (this.sealCache.get(id)?.until ?? 0) <= now);
    if (missing.length) {
      const fresh = missing.map((personId) => ({ personId, keyId: randomBytes(6).toString('hex'), key: randomBytes(32) }));
      await this.sql.query(
        `INSERT INTO privacy_keys (person_id, key_id, wrapped)
         SELECT * FROM unnest($1::text[], $2::text[], $3::bytea[]) ON CONFLICT (person_id) DO NOTHING`,
        [fresh.map((k) => k.personId), fresh.map((k) => k.keyId), fresh.map((k) => this.wrap(k))],
      );
      // Bounded: expired entries were never read again, but stayed (one per person ever mentioned in this process).
      if (this.sealCache.size > SEAL_CACHE_MAX) for (const [id, entry] of this.sealCache) if (entry.until <= now) this.sealCache.delete(id);
      for (const key of await this.live(missing)) this.sealCache.set(key.personId, { key, until: now + SEAL_CACHE_MS });
    }
    return wanted.map((id) => this.sealCache.get(id)!.key);
  }

  /** The keys these references name that still exist (a forgotten person's are gone). */
  async keysToOpen(refs: readonly KeyRef[]): Promise<Map<string, DataKey>> {
    const people = [...new Set(refs.map((ref) => ref.personId))];
    if (!people.length) return new Map();
    const keys = await this.live(people);
    return new Map(keys.map((key) => [`${key.personId}.${key.keyId}`, key]));
  }

  /** Deletes the person's key: every text sealed to it is unreadable from now on. False when there was none. */
  async forget(personId: string): Promise<boolean> {
    this.sealCache.delete(personId);
    const rows = await this.sql.query('DELETE FROM privacy_keys WHERE person_id = $1 RETURNING person_id', [personId]);
    // Dead rows keep the wrapped key until vacuumed; vacuum now rather than whenever autovacuum comes by.
    await this.sql.query('VACUUM privacy_keys').catch(() => undefined);
    return rows.length > 0;
  }

  private async live(personIds: readonly string[]): Promise<DataKey[]> {
    const rows = await this.sql.query<{ person_id: string; key_id: string; wrapped: Buffer | Uint8Array }>(
      'SELECT person_id, key_id, wrapped FROM privacy_keys WHERE person_id = ANY ($1::text[])',
      [[...personIds]],
    );
    return rows.map((row) => ({ personId: row.person_id, keyId: row.key_id, key: this.unwrap(row.person_id, row.key_id, Buffer.from(row.wrapped)) }));
  }

  private wrap(key: DataKey): Buffer {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.masterKey, iv);
    cipher.setAAD(Buffer.from(`${key.personId}.${key.keyId}`));
    return Buffer.concat([iv, cipher.update(key.key), cipher.final(), cipher.getAuthTag()]);
  }

  private unwrap(personId: string, keyId: string, wrapped: Buffer): Buffer {
    const decipher = createDecipheriv('aes-256-gcm', this.masterKey, wrapped.subarray(0, 12));
    decipher.setAAD(Buffer.from(`${personId}.${keyId}`));
    decipher.setAuthTag(wrapped.subarray(wrapped.length - 16));
    return Buffer.concat([decipher.update(wrapped.subarray(12, wrapped.length - 16)), decipher.final()]);
  }
}

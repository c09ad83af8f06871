import { type SqlClient, type SqlQueryable, runMigrations } from '@casebook/platform';
import { GLOBAL_CHAIN_MIGRATIONS } from './global-chain.migrations';

export interface GlobalLinkRow {
  readonly globalPosition: number;
  readonly eventId: string;
  readonly eventHash: string;
  readonly previousGlobalHash: string;
  readonly globalHash: string;
}

/** Reads and extends the sealed global chain (table audit_global_chain). */
export class GlobalChain {
  private constructor(private readonly sql: SqlClient) {}

  static async open(sql: SqlClient): Promise<GlobalChain> {
    await runMigrations(sql, 'audit', GLOBAL_CHAIN_MIGRATIONS);
    return new GlobalChain(sql);
  }

  /** The last sealed link, or null before the first. */
  async head(on: SqlQueryable = this.sql): Promise<{ position: number; hash: string } | null> {
    const [row] = await on.query<{ global_position: string | number; global_hash: string }>(
      `SELECT global_position, encode(global_hash, 'hex') AS global_hash FROM audit_global_chain ORDER BY global_position DESC LIMIT 1`,
    );
    return row ? { position: Number(row.global_position), hash: row.global_hash } : null;
  }

  /** The sealed links of these positions (those not sealed yet are absent from the map). */
  async linksAt(positions: readonly number[]): Promise<Map<number, GlobalLinkRow>> {
    const rows = await this.sql.query<{
      global_position: string | number;
      event_id: string;
      event_hash: string;
      previous_global_hash: string;
      global_hash: string;
    }>(
      `SELECT global_position, event_id, encode(event_hash, 'hex') AS event_hash, encode(previous_global_hash, 'hex') AS previous_global_hash,
              encode(global_hash, 'hex') AS global_hash
         FROM audit_global_chain WHERE global_position = ANY ($1::bigint[])`,
      [positions.map(String)],
    );
    return new Map(rows.map((row) => [Number(row.global_position), toLink(row)]));
  }

  /** Links in global order after `after`, for the store verifier. */
  async linksAfter(after: number, limit: number): Promise<GlobalLinkRow[]> {
    const rows = await this.sql.query<{
      global_position: string | number;
      event_id: string;
      event_hash: string;
      previous_global_hash: string;
      global_hash: string;
    }>(
      `SELECT global_position, event_id, encode(event_hash, 'hex') AS event_hash, encode(previous_global_hash, 'hex') AS previous_global_hash,
              encode(global_hash, 'hex') AS global_hash
         FROM audit_global_chain WHERE global_position > $1 ORDER BY global_position LIMIT $2`,
      [after, limit],
    );
    return rows.map(toLink);
  }

  /**
   * Appends links that continue from `expectedHead`, in one transaction under an advisory lock, so two sealers
   * (two workers) can never both extend the chain from the same link. False when another sealer got there first.
   */
  async extend(expectedHead: number | null, links: readonly GlobalLinkRow[]): Promise<boolean> {
    return this.sql.transaction(async (tx) => {
      await tx.query(`SELECT pg_advisory_xact_lock(hashtext('casebook.audit_global_chain'))`);
      const head = await this.head(tx);
      if ((head?.position ?? null) !== expectedHead) return false;
      await tx.query(
        `INSERT INTO audit_global_chain (global_position, event_id, event_hash, previous_global_hash, global_hash)
         SELECT p, e, decode(h, 'hex'), decode(ph, 'hex'), decode(g, 'hex')
           FROM unnest($1::bigint[], $2::uuid[], $3::text[], $4::text[], $5::text[]) AS t(p, e, h, ph, g)`,
        [
          links.map((link) => String(link.globalPosition)),
          links.map((link) => link.eventId),
          links.map((link) => link.eventHash),
          links.map((link) => link.previousGlobalHash),
          links.map((link) => link.globalHash),
        ],
      );
      return true;
    });
  }
}

function toLink(row: {
  global_position: string | number;
  event_id: string;
  event_hash: string;
  previous_global_hash: string;
  global_hash: string;
}): GlobalLinkRow {
  return {
    globalPosition: Number(row.global_position),
    eventId: row.event_id,
    eventHash: row.event_hash,
    previousGlobalHash: row.previous_global_hash,
    globalHash: row.global_hash,
  };
}

import type { Migration } from '@casebook/platform';

/**
 * The global chain: one row per event in global order, sealed behind the read watermark (global-chain-sealer.ts).
 * It lives in PostgreSQL beside the read models, so it exists whichever store holds the events.
 */
export const GLOBAL_CHAIN_MIGRATIONS: readonly Migration[] = [
  {
    id: '001-global-chain',
    sql: `
CREATE TABLE audit_global_chain (
  global_position      bigint PRIMARY KEY,
  event_id             uuid NOT NULL,
  event_hash           bytea NOT NULL,
  previous_global_hash bytea NOT NULL,
  global_hash          bytea NOT NULL,
  sealed_at            timestamptz NOT NULL DEFAULT now()
);

-- Sealed links are never changed or removed.
CREATE FUNCTION audit_global_chain_immutable() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  RAISE EXCEPTION 'audit_global_chain is append-only' USING ERRCODE = 'ES405';
END $fn$;
CREATE TRIGGER audit_global_chain_no_update BEFORE UPDATE OR DELETE ON audit_global_chain
  FOR EACH ROW EXECUTE FUNCTION audit_global_chain_immutable();
CREATE TRIGGER audit_global_chain_no_truncate BEFORE TRUNCATE ON audit_global_chain
  FOR EACH STATEMENT EXECUTE FUNCTION audit_global_chain_immutable();
`,
  },
];

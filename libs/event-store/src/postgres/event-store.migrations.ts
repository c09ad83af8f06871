import type { Migration } from '@casebook/platform';

/** Events one transaction may append: positions are `transaction id × this + index` (see below). */
export const EVENTS_PER_TRANSACTION = 4096;

/**
 * The PostgreSQL event store schema. Shipped migrations are never edited; changes come as new ones.
 *
 * Global order (docs/decisions.md, "Gap-free global order"): an event's global position is derived from the
 * id of the transaction that wrote it, `pg_current_xact_id() × 4096 + index`. Readers take only positions
 * below `pg_snapshot_xmin(pg_current_snapshot()) × 4096`: every transaction below that watermark has ended,
 * and every transaction that can still commit has an id at or above it, hence positions above every
 * position a reader has passed. So no reader ever skips an event that commits late, without any lock.
 */
export const EVENT_STORE_MIGRATIONS: readonly Migration[] = [
  {
    id: '001-events',
    sql: `
CREATE TABLE es_events (
  global_position  bigint PRIMARY KEY,
  event_id         uuid NOT NULL,
  stream_id        text NOT NULL,
  stream_revision  bigint NOT NULL,
  category         text NOT NULL,
  type             text NOT NULL,
  schema_version   integer NOT NULL,
  data             jsonb NOT NULL,
  metadata         jsonb NOT NULL,
  recorded_at      timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT es_events_event_id_key UNIQUE (event_id),
  CONSTRAINT es_events_stream_revision_key UNIQUE (stream_id, stream_revision)
);
CREATE INDEX es_events_category_position ON es_events (category, global_position);

CREATE TABLE es_checkpoints (
  subscription_name text PRIMARY KEY,
  position          bigint NOT NULL,
  updated_at        timestamptz NOT NULL DEFAULT now()
);

-- Events are never changed or removed (domain spec: "Nothing is changed or deleted").
CREATE FUNCTION es_events_immutable() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  RAISE EXCEPTION 'es_events is append-only' USING ERRCODE = 'ES405';
END $fn$;
CREATE TRIGGER es_events_no_update BEFORE UPDATE OR DELETE ON es_events
  FOR EACH ROW EXECUTE FUNCTION es_events_immutable();
CREATE TRIGGER es_events_no_truncate BEFORE TRUNCATE ON es_events
  FOR EACH STATEMENT EXECUTE FUNCTION es_events_immutable();

-- The read watermark: positions below it belong to transactions that have all ended.
CREATE FUNCTION es_watermark() RETURNS bigint LANGUAGE sql STABLE AS $fn$
  SELECT pg_snapshot_xmin(pg_current_snapshot())::text::bigint * 4096
$fn$;

-- The earlier append of these event ids to this stream, if there was one (an idempotent retry): its last
-- revision and position. No row when none of the ids exists; ES422 when some exist but not as that append.
CREATE FUNCTION es_prior_append(p_stream_id text, p_ids uuid[])
RETURNS TABLE (revision bigint, global_position bigint)
LANGUAGE plpgsql STABLE AS $fn$
DECLARE
  v_found integer;
BEGIN
  SELECT count(*) INTO v_found FROM es_events WHERE event_id = ANY (p_ids);
  IF v_found = 0 THEN
    RETURN;
  END IF;
  IF v_found = cardinality(p_ids) AND NOT EXISTS (
    SELECT 1 FROM es_events ev JOIN unnest(p_ids) WITH ORDINALITY AS u(id, ord) ON ev.event_id = u.id
    WHERE ev.stream_id <> p_stream_id
       OR ev.stream_revision - u.ord <> (SELECT min(x.stream_revision) - 1 FROM es_events x WHERE x.event_id = ANY (p_ids))
  ) THEN
    RETURN QUERY SELECT max(ev.stream_revision), max(ev.global_position) FROM es_events ev WHERE ev.event_id = ANY (p_ids);
    RETURN;
  END IF;
  RAISE EXCEPTION 'event ids already used by a different append' USING ERRCODE = 'ES422';
END $fn$;

-- One call per append, so an autocommit append is a single round trip. The idempotency lookup runs only
-- when something refuses the append (a stale revision here, a unique index in the caller), which keeps the
-- common path to one index probe and one insert.
-- p_expected_kind: 'exact' (p_expected is the last revision), 'no-stream' or 'any'.
-- Errors: ES409 wrong expected revision (DETAIL = actual revision, -1 for none); ES422 event ids reused
-- by a different append; ES413 more than 4096 events in one transaction.
CREATE FUNCTION es_append(p_stream_id text, p_category text, p_expected_kind text, p_expected bigint, p_events jsonb)
RETURNS TABLE (revision bigint, global_position bigint, duplicate boolean)
LANGUAGE plpgsql AS $fn$
DECLARE
  v_count   integer := jsonb_array_length(p_events);
  v_current bigint;
  v_base    bigint;
  v_next    bigint;
BEGIN
  -- Optimistic concurrency. A concurrent writer of the same revision is stopped by the unique
  -- (stream_id, stream_revision) index, so a plain read suffices here.
  SELECT max(ev.stream_revision) INTO v_current FROM es_events ev WHERE ev.stream_id = p_stream_id;
  IF (p_expected_kind = 'no-stream' AND v_current IS NOT NULL)
     OR (p_expected_kind = 'exact' AND v_current IS DISTINCT FROM p_expected) THEN
    -- A retry of an append that already happened is answered with that append's result.
    RETURN QUERY SELECT p.revision, p.global_position, true FROM es_prior_append(
      p_stream_id, ARRAY(SELECT (e->>'eventId')::uuid FROM jsonb_array_elements(p_events) WITH ORDINALITY AS t(e, ord) ORDER BY ord)) p;
    IF FOUND THEN
      RETURN;
    END IF;
    RAISE EXCEPTION 'wrong expected revision' USING ERRCODE = 'ES409', DETAIL = coalesce(v_current, -1)::text;
  END IF;

  -- Positions from this transaction's id, after any events this same transaction appended before.
  IF pg_current_xact_id_if_assigned() IS NULL THEN
    v_base := pg_current_xact_id()::text::bigint * 4096;
    v_next := v_base;
  ELSE
    v_base := pg_current_xact_id()::text::bigint * 4096;
    SELECT coalesce(max(ev.global_position) + 1, v_base) INTO v_next
      FROM es_events ev WHERE ev.global_position >= v_base AND ev.global_position < v_base + 4096;
  END IF;
  IF v_next + v_count > v_base + 4096 THEN
    RAISE EXCEPTION 'more than 4096 events in one transaction' USING ERRCODE = 'ES413';
  END IF;

  RETURN QUERY
    INSERT INTO es_events (global_position, event_id, stream_id, stream_revision, category, type, schema_version, data, metadata)
    SELECT v_next + ord - 1, (e->>'eventId')::uuid, p_stream_id, coalesce(v_current, -1) + ord, p_category,
           e->>'type', (e->>'schemaVersion')::integer, e->'data', e->'metadata'
      FROM jsonb_array_elements(p_events) WITH ORDINALITY AS t(e, ord)
    RETURNING es_events.stream_revision, es_events.global_position, false;
END $fn$;
`,
  },
  {
    id: '002-hash-chain',
    // The audit chain (libs/event-store/src/chain/event-chain.ts). The writer hashes an event's content (RFC 8785
    // canonical JSON needs the writer's JSON, not jsonb's); this function links it to the stream's previous
    // event in the same transaction. The linked object's fields are a 64-hex hash, an ISO time, a stream id
    // (letters, digits, `_.:-`) and an integer, so the text below is exactly their RFC 8785 form.
    // Events recorded before this migration have no hash; the verifier names them.
    sql: `
ALTER TABLE es_events ADD COLUMN hash bytea;

CREATE OR REPLACE FUNCTION es_append(p_stream_id text, p_category text, p_expected_kind text, p_expected bigint, p_events jsonb)
RETURNS TABLE (revision bigint, global_position bigint, duplicate boolean)
LANGUAGE plpgsql AS $fn$
DECLARE
  v_count    integer := jsonb_array_length(p_events);
  v_current  bigint;
  v_previous bytea;
  v_base     bigint;
  v_next     bigint;
  -- B4: the store's clock, to the millisecond (the precision every reader and the chain use).
  v_recorded timestamptz := date_trunc('milliseconds', now());
  v_recorded_text text;
  v_hashes   bytea[] := '{}';
  v_content  text;
  v_ord      bigint;
BEGIN
  -- Optimistic concurrency. A concurrent writer of the same revision is stopped by the unique
  -- (stream_id, stream_revision) index, so a plain read suffices here.
  SELECT ev.stream_revision, ev.hash INTO v_current, v_previous
    FROM es_events ev WHERE ev.stream_id = p_stream_id ORDER BY ev.stream_revision DESC LIMIT 1;
  IF (p_expected_kind = 'no-stream' AND v_current IS NOT NULL)
     OR (p_expected_kind = 'exact' AND v_current IS DISTINCT FROM p_expected) THEN
    -- A retry of an append that already happened is answered with that append's result.
    RETURN QUERY SELECT p.revision, p.global_position, true FROM es_prior_append(
      p_stream_id, ARRAY(SELECT (e->>'eventId')::uuid FROM jsonb_array_elements(p_events) WITH ORDINALITY AS t(e, ord) ORDER BY ord)) p;
    IF FOUND THEN
      RETURN;
    END IF;
    RAISE EXCEPTION 'wrong expected revision' USING ERRCODE = 'ES409', DETAIL = coalesce(v_current, -1)::text;
  END IF;

  -- Positions from this transaction's id, after any events this same transaction appended before.
  IF pg_current_xact_id_if_assigned() IS NULL THEN
    v_base := pg_current_xact_id()::text::bigint * 4096;
    v_next := v_base;
  ELSE
    v_base := pg_current_xact_id()::text::bigint * 4096;
    SELECT coalesce(max(ev.global_position) + 1, v_base) INTO v_next
      FROM es_events ev WHERE ev.global_position >= v_base AND ev.global_position < v_base + 4096;
  END IF;
  IF v_next + v_count > v_base + 4096 THEN
    RAISE EXCEPTION 'more than 4096 events in one transaction' USING ERRCODE = 'ES413';
  END IF;

  -- The stream chain: each event's hash covers its content hash and the hash of the event before it.
  v_previous := coalesce(v_previous, decode(repeat('00', 32), 'hex'));
  v_recorded_text := to_char(v_recorded AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"');
  FOR v_content, v_ord IN SELECT e->>'contentHash', ord FROM jsonb_array_elements(p_events) WITH ORDINALITY AS t(e, ord) ORDER BY ord LOOP
    IF v_content IS NULL OR length(v_content) <> 64 THEN
      RAISE EXCEPTION 'every event needs its contentHash' USING ERRCODE = 'ES400';
    END IF;
    v_previous := sha256(convert_to(
      '{"contentHash":"' || v_content ||
      '","previousHash":"' || encode(v_previous, 'hex') ||
      '","recordedAt":"' || v_recorded_text ||
      '","streamId":' || to_json(p_stream_id)::text ||
      ',"streamRevision":' || (coalesce(v_current, -1) + v_ord)::text || '}', 'UTF8'));
    v_hashes[v_ord] := v_previous;
  END LOOP;

  RETURN QUERY
    INSERT INTO es_events (global_position, event_id, stream_id, stream_revision, category, type, schema_version, data, metadata, recorded_at, hash)
    SELECT v_next + ord - 1, (e->>'eventId')::uuid, p_stream_id, coalesce(v_current, -1) + ord, p_category,
           e->>'type', (e->>'schemaVersion')::integer, e->'data', e->'metadata', v_recorded, v_hashes[ord]
      FROM jsonb_array_elements(p_events) WITH ORDINALITY AS t(e, ord)
    RETURNING es_events.stream_revision, es_events.global_position, false;
END $fn$;
`,
  },
];

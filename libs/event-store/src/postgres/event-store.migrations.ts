import type { Migration } from '@casebook/platform';

/**
 * The PostgreSQL event store schema. Shipped migrations are never edited; changes come as new ones.
 *
 * Global order (docs/decisions.md, "Gap-free global order"): every row carries the id of the transaction that
 * wrote it, and readers only take rows whose transaction id lies below the oldest transaction still running
 * (pg_snapshot_xmin). That is only sound if transaction ids and positions are handed out in the same order,
 * so es_append takes both under one short advisory lock (released before commit, so commits still group).
 */
export const EVENT_STORE_MIGRATIONS: readonly Migration[] = [
  {
    id: '001-events',
    sql: `
CREATE TABLE es_events (
  global_position  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  transaction_id   xid8 NOT NULL DEFAULT pg_current_xact_id(),
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

-- One call per append, so an autocommit append is a single round trip.
-- p_expected_kind: 'exact' (p_expected is the last revision), 'no-stream' or 'any'.
-- Errors: ES409 wrong expected revision (DETAIL = actual revision, -1 for none); ES422 event ids reused
-- by a different append; ES400 called after the transaction already wrote (ordering would break).
CREATE FUNCTION es_append(p_stream_id text, p_category text, p_expected_kind text, p_expected bigint, p_events jsonb)
RETURNS TABLE (revision bigint, global_position bigint, duplicate boolean)
LANGUAGE plpgsql AS $fn$
DECLARE
  v_count   integer := jsonb_array_length(p_events);
  v_ids     uuid[];
  v_found   integer;
  v_current bigint;
BEGIN
  IF pg_current_xact_id_if_assigned() IS NOT NULL THEN
    RAISE EXCEPTION 'es_append must be the first write of its transaction' USING ERRCODE = 'ES400';
  END IF;

  SELECT array_agg((e->>'eventId')::uuid ORDER BY ord) INTO v_ids
    FROM jsonb_array_elements(p_events) WITH ORDINALITY AS t(e, ord);

  -- Idempotency: a retry of an append that already happened returns that append's result.
  SELECT count(*) INTO v_found FROM es_events WHERE event_id = ANY (v_ids);
  IF v_found > 0 THEN
    IF v_found = v_count AND NOT EXISTS (
      SELECT 1 FROM es_events ev JOIN unnest(v_ids) WITH ORDINALITY AS u(id, ord) ON ev.event_id = u.id
      WHERE ev.stream_id <> p_stream_id
         OR ev.stream_revision - u.ord <> (SELECT min(x.stream_revision) - 1 FROM es_events x WHERE x.event_id = ANY (v_ids))
    ) THEN
      RETURN QUERY SELECT max(ev.stream_revision), max(ev.global_position), true
        FROM es_events ev WHERE ev.event_id = ANY (v_ids);
      RETURN;
    END IF;
    RAISE EXCEPTION 'event ids already used by a different append' USING ERRCODE = 'ES422';
  END IF;

  -- Optimistic concurrency. A plain read (no row lock: that would take a transaction id too early);
  -- a concurrent writer of the same revision is stopped by the unique (stream_id, stream_revision) index.
  SELECT max(ev.stream_revision) INTO v_current FROM es_events ev WHERE ev.stream_id = p_stream_id;
  IF (p_expected_kind = 'no-stream' AND v_current IS NOT NULL)
     OR (p_expected_kind = 'exact' AND v_current IS DISTINCT FROM p_expected) THEN
    RAISE EXCEPTION 'wrong expected revision' USING ERRCODE = 'ES409', DETAIL = coalesce(v_current, -1)::text;
  END IF;

  -- Transaction id and positions are taken together under this lock: see the comment at the top.
  PERFORM pg_advisory_lock(7406631);
  BEGIN
    RETURN QUERY
      INSERT INTO es_events (event_id, stream_id, stream_revision, category, type, schema_version, data, metadata)
      SELECT (e->>'eventId')::uuid, p_stream_id, coalesce(v_current, -1) + ord, p_category,
             e->>'type', (e->>'schemaVersion')::integer, e->'data', e->'metadata'
        FROM jsonb_array_elements(p_events) WITH ORDINALITY AS t(e, ord)
       ORDER BY ord
      RETURNING es_events.stream_revision, es_events.global_position, false;
  EXCEPTION WHEN OTHERS THEN
    PERFORM pg_advisory_unlock(7406631);
    RAISE;
  END;
  PERFORM pg_advisory_unlock(7406631);
END $fn$;
`,
  },
];

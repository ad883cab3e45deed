-- Reactions to committed events: the worker reads the journal in feed order from a checkpoint of
-- its own, queues what follows from each event (review notices, report schedules), and then moves
-- the checkpoint. An event is reacted to after its commit, whatever path raised it, and again
-- after a crash before the checkpoint moved: each reaction is idempotent.

-- The position below which no still-running transaction can write: one definition for the
-- partnerships' feeds and for the reactions.
CREATE OR REPLACE FUNCTION entity_event_safe_position() RETURNS bigint LANGUAGE sql STABLE AS $$
    SELECT pg_snapshot_xmin(pg_current_snapshot())::text::bigint << 20
$$;

-- The whole journal in feed order (the feeds' index covers only events with a scope).
CREATE INDEX IF NOT EXISTS entity_event_position ON entity_event (feed_position);

CREATE TABLE IF NOT EXISTS event_reaction_checkpoint (
    reactor    text        PRIMARY KEY,
    position   bigint      NOT NULL,
    updated_at timestamptz NOT NULL
);

-- The event journal: every change to a city, organisation, partnership, programme, pilot, MoU or
-- credential is a row here, written by the entity's grain before it acknowledges the change.
-- It is the source of truth: a grain's state is its snapshot (OrleansStorage) plus the events
-- after it, and replaying all events from the first rebuilds it. Append-only, like kpi_reading.
--
-- sequence   numbers one entity's events 1, 2, 3, ...; the primary key makes a second writer
--            for the same entity fail instead of interleaving (the journal's ETag).
-- scope      the partnership whose watchers see the event, if any.
-- feed_position  orders a scope's events for watchers: (writing transaction id << 20) + the row's
--            place in its statement. Rows are handed out only once every transaction with a
--            smaller id has ended, so a watcher that resumes after position P misses nothing.

DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM information_schema.tables WHERE table_name = 'entity_event') THEN
        -- Before the journal, grain state was the only record and had no history to rebuild it
        -- from. That state was development data of unreleased versions: it is dropped with its
        -- readings, and the seed scenario reloads it.
        DELETE FROM OrleansStorage
         WHERE GrainTypeString IN ('city', 'organisation', 'partnership', 'programme', 'pilot', 'mou');
        ALTER TABLE kpi_reading DISABLE TRIGGER kpi_reading_append_only;
        DELETE FROM kpi_reading;
        ALTER TABLE kpi_reading ENABLE TRIGGER kpi_reading_append_only;
    END IF;
END
$$;

CREATE TABLE IF NOT EXISTS entity_event (
    entity_type           text        NOT NULL CHECK (entity_type ~ '^[a-z]+$'),
    entity_id             text        NOT NULL,
    sequence              bigint      NOT NULL CHECK (sequence > 0),
    kind                  text        NOT NULL,
    payload               jsonb       NOT NULL,
    recorded_at           timestamptz NOT NULL,
    actor_organisation_id text        NOT NULL,
    actor_role            text        NOT NULL,
    actor_credential_id   text        NULL,
    scope                 text        NULL,
    idempotency_key       text        NULL,
    request_hash          text        NULL,
    feed_position         bigint      NOT NULL,
    PRIMARY KEY (entity_type, entity_id, sequence)
);

-- One request per idempotency key and entity: a retried request finds its first result.
CREATE UNIQUE INDEX IF NOT EXISTS entity_event_idempotency
    ON entity_event (entity_type, entity_id, idempotency_key) WHERE idempotency_key IS NOT NULL;

-- A partnership's feed, for watchers.
CREATE INDEX IF NOT EXISTS entity_event_feed ON entity_event (scope, feed_position) WHERE scope IS NOT NULL;

CREATE OR REPLACE FUNCTION entity_event_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'entity_event is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;

DROP TRIGGER IF EXISTS entity_event_append_only ON entity_event;
CREATE TRIGGER entity_event_append_only BEFORE UPDATE OR DELETE ON entity_event
    FOR EACH ROW EXECUTE FUNCTION entity_event_is_append_only();

DROP TRIGGER IF EXISTS entity_event_no_truncate ON entity_event;
CREATE TRIGGER entity_event_no_truncate BEFORE TRUNCATE ON entity_event
    FOR EACH STATEMENT EXECUTE FUNCTION entity_event_is_append_only();

-- The append-only history of KPI readings. A pilot grain numbers its readings 1, 2, 3, ...;
-- the primary key makes a second writer for the same pilot fail instead of interleaving.
-- A correction is a new row for the same KPI and period (the highest sequence counts),
-- never an update, and the triggers below refuse updates, deletes and truncation.

CREATE TABLE IF NOT EXISTS kpi_reading (
    pilot_id    text             NOT NULL,
    sequence    bigint           NOT NULL CHECK (sequence > 0),
    kpi_code    text             NOT NULL,
    period      text             NOT NULL CHECK (period ~ '^(19|2[0-9])[0-9]{2}-(0[1-9]|1[0-2]|Q[1-4])$'),
    value       double precision NOT NULL CHECK (value NOT IN ('NaN', 'Infinity', '-Infinity')),
    recorded_at timestamptz      NOT NULL,
    PRIMARY KEY (pilot_id, sequence)
);

CREATE OR REPLACE FUNCTION kpi_reading_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'kpi_reading is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;

DROP TRIGGER IF EXISTS kpi_reading_append_only ON kpi_reading;
CREATE TRIGGER kpi_reading_append_only BEFORE UPDATE OR DELETE ON kpi_reading
    FOR EACH ROW EXECUTE FUNCTION kpi_reading_is_append_only();

DROP TRIGGER IF EXISTS kpi_reading_no_truncate ON kpi_reading;
CREATE TRIGGER kpi_reading_no_truncate BEFORE TRUNCATE ON kpi_reading
    FOR EACH STATEMENT EXECUTE FUNCTION kpi_reading_is_append_only();

-- The pgbench baseline's table: the shape of kpi_reading (same columns, primary key and
-- checks), so the baseline inserts the same row the platform does, one per transaction.
CREATE TABLE IF NOT EXISTS pgbench_reading (
    pilot_id    text             NOT NULL,
    sequence    bigserial        NOT NULL,
    kpi_code    text             NOT NULL,
    period      text             NOT NULL CHECK (period ~ '^(19|2[0-9])[0-9]{2}-(0[1-9]|1[0-2]|Q[1-4])$'),
    value       double precision NOT NULL CHECK (value NOT IN ('NaN', 'Infinity', '-Infinity')),
    recorded_at timestamptz      NOT NULL DEFAULT now(),
    PRIMARY KEY (pilot_id, sequence)
);
TRUNCATE pgbench_reading;

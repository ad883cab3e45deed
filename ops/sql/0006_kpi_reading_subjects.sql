-- Readings belong to a subject: a pilot ("pilots/<id>") or a programme ("programmes/<id>"),
-- and carry what a reading may hold beyond its value: the parts of a ratio, a breakdown along
-- the KPI's dimensions, a note and the submitting organisation.

-- A database from before this migration was made by the first, never released slice: its grain
-- state (pilots, partnerships) is in record layouts the domain no longer reads, and Orleans'
-- binary state cannot be converted in SQL. Such development data is dropped, readings included,
-- rather than left to fail on every read; the seed scenario reloads on the next run.
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM information_schema.columns
                WHERE table_name = 'kpi_reading' AND column_name = 'pilot_id') THEN
        ALTER TABLE kpi_reading RENAME COLUMN pilot_id TO subject_id;
        ALTER TABLE kpi_reading DISABLE TRIGGER kpi_reading_append_only;
        DELETE FROM kpi_reading;
        ALTER TABLE kpi_reading ENABLE TRIGGER kpi_reading_append_only;
        DELETE FROM OrleansStorage WHERE GrainTypeString IN ('pilot', 'partnership');
    END IF;
END
$$;

ALTER TABLE kpi_reading
    ADD COLUMN IF NOT EXISTS numerator    double precision NULL,
    ADD COLUMN IF NOT EXISTS denominator  double precision NULL,
    ADD COLUMN IF NOT EXISTS breakdown    jsonb            NULL,
    ADD COLUMN IF NOT EXISTS note         text             NULL,
    ADD COLUMN IF NOT EXISTS submitted_by text             NULL;

ALTER TABLE kpi_reading DROP CONSTRAINT IF EXISTS kpi_reading_subject_form;
ALTER TABLE kpi_reading ADD CONSTRAINT kpi_reading_subject_form
    CHECK (subject_id ~ '^(pilots|programmes)/[a-z][a-z0-9-]*$');

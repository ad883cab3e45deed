-- A report file's format is one the code's registry of formats names (ReportFileFormats: 'pdf',
-- 'html', 'csv', …), not a list kept here as well: a new format needs no migration. The column
-- still holds only a lower-case format name.

ALTER TABLE donor_report DROP CONSTRAINT IF EXISTS donor_report_format_check;
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conname = 'donor_report_format_name') THEN
        ALTER TABLE donor_report ADD CONSTRAINT donor_report_format_name CHECK (format ~ '^[a-z][a-z0-9]*$');
    END IF;
END
$$;

-- A report's files reach the archive in chunks (IReportArchiveGrain.Stage), one file's content
-- at a time, so that no Orleans message carries a whole file (a large portfolio's CSV is tens of
-- MB) and the worker holds one format's bytes at a time. Save then copies each file's chunks, in
-- order, into donor_report and deletes them, in the transaction that stores the revision.
--
-- report_upload_chunk  chunk `sequence` (0, 1, …) of the file staged under `upload_id` (a Guid the
--                      job makes per file). Chunks of an upload never saved (its worker died)
--                      are deleted by a later save once a day old (created_at).

CREATE TABLE IF NOT EXISTS report_upload_chunk (
    upload_id   uuid        NOT NULL,
    sequence    integer     NOT NULL CHECK (sequence >= 0),
    chunk       bytea       NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (upload_id, sequence)
);

CREATE INDEX IF NOT EXISTS report_upload_chunk_by_age ON report_upload_chunk (created_at);

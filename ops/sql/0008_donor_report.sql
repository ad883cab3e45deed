-- Donor reports: every generated report file is archived here (metadata + content), and every
-- delivery of a subscription's report for a period through a channel (e-mail, webhook) is
-- recorded once. The delivery's key is what makes a rerun of the same period send nothing new.
--
-- donor_report     one file of one report: the subscription, the period, the format, the cut-off
--                  its figures were taken at, and the bytes.
-- report_delivery  (subscription, period, channel) is unique: a job claims the row before it
--                  sends, marks it delivered after, and records the last error while retrying.

CREATE TABLE IF NOT EXISTS donor_report (
    report_id        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    donor_id         text        NOT NULL,
    subscription_id  text        NOT NULL,
    period           text        NOT NULL,
    format           text        NOT NULL CHECK (format IN ('pdf', 'html', 'csv')),
    file_name        text        NOT NULL,
    content_type     text        NOT NULL,
    cutoff           timestamptz NOT NULL,
    pilot_count      integer     NOT NULL,
    content          bytea       NOT NULL,
    sha256           text        NOT NULL,
    created_at       timestamptz NOT NULL DEFAULT now(),
    UNIQUE (donor_id, subscription_id, period, format)
);

CREATE INDEX IF NOT EXISTS donor_report_by_donor ON donor_report (donor_id, created_at DESC);

CREATE TABLE IF NOT EXISTS report_delivery (
    donor_id         text        NOT NULL,
    subscription_id  text        NOT NULL,
    period           text        NOT NULL,
    channel          text        NOT NULL CHECK (channel IN ('email', 'webhook')),
    status           text        NOT NULL CHECK (status IN ('pending', 'delivered', 'failed')),
    attempts         integer     NOT NULL DEFAULT 0,
    last_error       text,
    recipients       text        NOT NULL,
    updated_at       timestamptz NOT NULL DEFAULT now(),
    delivered_at     timestamptz,
    PRIMARY KEY (donor_id, subscription_id, period, channel)
);

CREATE INDEX IF NOT EXISTS report_delivery_failed ON report_delivery (updated_at DESC) WHERE status = 'failed';

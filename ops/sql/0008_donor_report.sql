-- Donor reports and notices: every generated report file is archived here (metadata + content),
-- and every delivery (a subscription's report for a period, an organisation's reminder digest of
-- a day) through a channel (e-mail, webhook) is recorded once. The delivery's key is what makes a
-- rerun send nothing new.
--
-- donor_report  one file of one report: the subscription, the period, the format, the cut-off
--               its figures were taken at, and the bytes.
-- delivery      (organisation, topic, period, channel) is unique; topic is a subscription id or
--               a notice kind. A job leases the row ('sending' until lease_until) while it sends,
--               marks it delivered after, and records the last error while retrying. No
--               transaction stays open during a send: partnership feeds wait for old transactions.

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

CREATE TABLE IF NOT EXISTS delivery (
    organisation_id  text        NOT NULL,
    topic            text        NOT NULL,
    period           text        NOT NULL,
    channel          text        NOT NULL CHECK (channel IN ('email', 'webhook')),
    status           text        NOT NULL CHECK (status IN ('pending', 'sending', 'delivered', 'failed')),
    lease_until      timestamptz,
    attempts         integer     NOT NULL DEFAULT 0,
    last_error       text,
    recipients       text        NOT NULL,
    updated_at       timestamptz NOT NULL DEFAULT now(),
    delivered_at     timestamptz,
    PRIMARY KEY (organisation_id, topic, period, channel)
);

CREATE INDEX IF NOT EXISTS delivery_failed ON delivery (updated_at DESC) WHERE status = 'failed';

-- Reports that wait for the data, are revised when figures change, open as files; webhook secrets
-- that are written once and never read back.
--
-- donor_report_revision  one row per revision of a period's report: 1 for the first, 2 and on when
--                        the period's figures changed or were verified since; the figures it gave
--                        (JSON, to compare the next run with) and what changed since the one
--                        before. A revision is never replaced; its files are donor_report rows.
-- donor_report.revision  the revision a file belongs to.
-- delivery.revision      each revision is delivered once per channel (notices use 1).
-- report_run             scheduled runs that completed: one per subscription and period.
-- reporting_key          keys of the platform's reporting (signing download links, deriving
--                        webhook secrets), made here only when configuration sets none.
--
-- Webhook secrets: subscriptions' journal events held them in plain text ("webhookSecret"), and
-- so did the history API. They are removed here (the only change ever made to past events, by
-- this migration and with the append-only trigger held back for it), together with the
-- subscriptions' snapshots, which held them too and are rebuilt from the events. A secret is now
-- derived from an id under the platform's key: subscriptions made before this get a new one and
-- show it through RotateWebhookSecret.

CREATE TABLE IF NOT EXISTS donor_report_revision (
    donor_id         text        NOT NULL,
    subscription_id  text        NOT NULL,
    period           text        NOT NULL,
    revision         integer     NOT NULL CHECK (revision >= 1),
    cutoff           timestamptz NOT NULL,
    figures          jsonb       NULL,      -- NULL for reports made before revisions: made again at the cut-off
    figures_changed  integer     NOT NULL DEFAULT 0,
    newly_verified   integer     NOT NULL DEFAULT 0,
    created_at       timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (donor_id, subscription_id, period, revision)
);

ALTER TABLE donor_report ADD COLUMN IF NOT EXISTS revision integer NOT NULL DEFAULT 1 CHECK (revision >= 1);
ALTER TABLE donor_report DROP CONSTRAINT IF EXISTS donor_report_donor_id_subscription_id_period_format_key;
CREATE UNIQUE INDEX IF NOT EXISTS donor_report_file ON donor_report (donor_id, subscription_id, period, revision, format);

-- Reports archived before revisions are each their period's revision 1.
INSERT INTO donor_report_revision (donor_id, subscription_id, period, revision, cutoff, created_at)
SELECT DISTINCT ON (donor_id, subscription_id, period) donor_id, subscription_id, period, 1, cutoff, created_at
  FROM donor_report ORDER BY donor_id, subscription_id, period, created_at
ON CONFLICT DO NOTHING;

ALTER TABLE delivery ADD COLUMN IF NOT EXISTS revision integer NOT NULL DEFAULT 1 CHECK (revision >= 1);
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM information_schema.key_column_usage
                    WHERE table_name = 'delivery' AND constraint_name = 'delivery_pkey' AND column_name = 'revision') THEN
        ALTER TABLE delivery DROP CONSTRAINT delivery_pkey;
        ALTER TABLE delivery ADD PRIMARY KEY (organisation_id, topic, period, channel, revision);
    END IF;
END
$$;

CREATE TABLE IF NOT EXISTS report_run (
    donor_id         text        NOT NULL,
    subscription_id  text        NOT NULL,
    period           text        NOT NULL,
    completed_at     timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (donor_id, subscription_id, period)
);

CREATE TABLE IF NOT EXISTS reporting_key (
    purpose     text        PRIMARY KEY,
    key         bytea       NOT NULL CHECK (length(key) >= 32),
    created_at  timestamptz NOT NULL DEFAULT now()
);

DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM entity_event
                WHERE entity_type = 'subscriptions' AND kind = 'report-subscription.created' AND payload ? 'webhookSecret') THEN
        ALTER TABLE entity_event DISABLE TRIGGER entity_event_append_only;
        UPDATE entity_event SET payload = payload - 'webhookSecret'
         WHERE entity_type = 'subscriptions' AND kind = 'report-subscription.created' AND payload ? 'webhookSecret';
        ALTER TABLE entity_event ENABLE TRIGGER entity_event_append_only;
        DELETE FROM OrleansStorage WHERE GrainTypeString = 'subscriptions';
    END IF;
END
$$;

-- The person who acted, beside the organisation, role and credential: a change made from the web
-- application by a signed-in person names their account (histories show their name). NULL for
-- API keys and the platform, and in every row written before people signed in.

ALTER TABLE entity_event ADD COLUMN IF NOT EXISTS actor_account_id text NULL;

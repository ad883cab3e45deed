-- Where the Orleans ADO.NET providers (clustering, persistence, reminders) read their SQL from:
-- each provider loads the texts of the keys it needs at start-up and fails if one is missing.
-- Names stay unquoted: the providers query "OrleansQuery", which PostgreSQL folds to lowercase.
CREATE TABLE IF NOT EXISTS OrleansQuery (
    QueryKey  varchar(64) PRIMARY KEY,
    QueryText text        NOT NULL
);

-- Grain state for Orleans.Persistence.AdoNet. GrainTypeString is the state name the grain
-- declares ([PersistentState("pilot")]), so state names must be unique across grain classes.
-- The provider sends a grain's identity as (ServiceId, GrainTypeString, GrainIdN0, GrainIdN1,
-- GrainIdExtensionString); the unique index on exactly that makes a duplicate row impossible
-- and serves every lookup. Version is the ETag: a write names the version it read.

CREATE TABLE IF NOT EXISTS OrleansStorage (
    GrainIdHash            integer     NOT NULL,
    GrainIdN0              bigint      NOT NULL,
    GrainIdN1              bigint      NOT NULL,
    GrainTypeHash          integer     NOT NULL,
    GrainTypeString        text        NOT NULL,
    GrainIdExtensionString text        NULL,
    ServiceId              text        NOT NULL,
    PayloadBinary          bytea       NULL,  -- NULL once cleared
    ModifiedOn             timestamptz NOT NULL DEFAULT now(),
    Version                integer     NOT NULL
);

CREATE UNIQUE INDEX IF NOT EXISTS orleansstorage_identity ON OrleansStorage
    (ServiceId, GrainTypeString, GrainIdN0, GrainIdN1, COALESCE(GrainIdExtensionString, ''));

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES
('ReadFromStorageKey', $q$
    SELECT PayloadBinary, Version FROM OrleansStorage
     WHERE ServiceId = @ServiceId AND GrainTypeString = @GrainTypeString
       AND GrainIdN0 = @GrainIdN0 AND GrainIdN1 = @GrainIdN1
       AND COALESCE(GrainIdExtensionString, '') = COALESCE(@GrainIdExtensionString, '')
$q$),
-- First write (no version yet) inserts version 1; later writes bump the version they read.
-- No row back (NULL) tells the provider the ETag did not match.
('WriteToStorageKey', $q$
    WITH updated AS (
        UPDATE OrleansStorage
           SET PayloadBinary = @PayloadBinary, Version = Version + 1, ModifiedOn = now()
         WHERE @GrainStateVersion IS NOT NULL AND Version = @GrainStateVersion
           AND ServiceId = @ServiceId AND GrainTypeString = @GrainTypeString
           AND GrainIdN0 = @GrainIdN0 AND GrainIdN1 = @GrainIdN1
           AND COALESCE(GrainIdExtensionString, '') = COALESCE(@GrainIdExtensionString, '')
        RETURNING Version),
    inserted AS (
        INSERT INTO OrleansStorage (GrainIdHash, GrainIdN0, GrainIdN1, GrainTypeHash, GrainTypeString,
                                    GrainIdExtensionString, ServiceId, PayloadBinary, Version)
        SELECT @GrainIdHash, @GrainIdN0, @GrainIdN1, @GrainTypeHash, @GrainTypeString,
               @GrainIdExtensionString, @ServiceId, @PayloadBinary, 1
         WHERE @GrainStateVersion IS NULL
        ON CONFLICT DO NOTHING
        RETURNING Version)
    SELECT (SELECT Version FROM updated UNION ALL SELECT Version FROM inserted LIMIT 1) AS NewGrainStateVersion
$q$),
('ClearStorageKey', $q$
    UPDATE OrleansStorage
       SET PayloadBinary = NULL, Version = Version + 1, ModifiedOn = now()
     WHERE Version = @GrainStateVersion
       AND ServiceId = @ServiceId AND GrainTypeString = @GrainTypeString
       AND GrainIdN0 = @GrainIdN0 AND GrainIdN1 = @GrainIdN1
       AND COALESCE(GrainIdExtensionString, '') = COALESCE(@GrainIdExtensionString, '')
    RETURNING Version AS NewGrainStateVersion
$q$),
('DeleteStorageKey', $q$
    WITH deleted AS (
        DELETE FROM OrleansStorage
         WHERE Version = @GrainStateVersion
           AND ServiceId = @ServiceId AND GrainTypeString = @GrainTypeString
           AND GrainIdN0 = @GrainIdN0 AND GrainIdN1 = @GrainIdN1
           AND COALESCE(GrainIdExtensionString, '') = COALESCE(@GrainIdExtensionString, '')
        RETURNING Version + 1 AS NewVersion)
    SELECT (SELECT NewVersion FROM deleted) AS NewGrainStateVersion
$q$)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;

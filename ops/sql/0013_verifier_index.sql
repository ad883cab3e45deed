-- A verifier's list of the JCM pilots it was appointed to verify (IEntityDirectoryGrain.PilotsToVerify)
-- reads the appointments by organisation: a small partial index instead of a scan of the journal.
CREATE INDEX IF NOT EXISTS entity_event_verifier_appointed
    ON entity_event ((payload->>'organisationId'))
    WHERE kind = 'pilot.jcm-verifier-appointed';

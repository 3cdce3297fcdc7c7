-- What sourcing keeps in memory between quotes (depots, parts and their supersession, sites, customers' contracts,
-- tiers, road overrides) is valid while this one number is unchanged: every transaction that writes any of those
-- tables raises it once, as it commits, so the change and the new number become visible together on every node.
-- A quote reads it first (one row) instead of reading the master data again.
CREATE TABLE sourcing_master_version (
    id       BOOLEAN PRIMARY KEY DEFAULT TRUE CHECK (id),
    version  BIGINT  NOT NULL
);
INSERT INTO sourcing_master_version (id, version) VALUES (TRUE, 1);

-- Once per transaction (the first of its deferred row events; the others find the setting): an import of a thousand
-- depots updates the row once.
CREATE FUNCTION sourcing_master_changed() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
    IF current_setting('spareflow.sourcing_master_raised', TRUE) IS DISTINCT FROM txid_current()::TEXT THEN
        UPDATE sourcing_master_version SET version = version + 1;
        PERFORM set_config('spareflow.sourcing_master_raised', txid_current()::TEXT, TRUE);
    END IF;
    RETURN NULL;
END $$;

-- Deferred to the commit, so the version row is the last lock a writer takes: two transactions editing master data
-- wait for each other's rows as before, never in a cycle through this row.
DO $$
DECLARE
    t TEXT;
BEGIN
    FOREACH t IN ARRAY ARRAY['location', 'part', 'customer', 'customer_site', 'service_contract', 'service_tier',
                             'sourcing_site_override'] LOOP
        EXECUTE format('CREATE CONSTRAINT TRIGGER %I AFTER INSERT OR UPDATE OR DELETE ON %I'
                       ' DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION sourcing_master_changed()',
                       t || '_sourcing_master', t);
        EXECUTE format('CREATE TRIGGER %I AFTER TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION sourcing_master_changed()',
                       t || '_sourcing_master_truncate', t);
    END LOOP;
END $$;

-- Who changed which master data or user, when, from which address, and what it was before and after. Append-only:
-- the trigger refuses UPDATE, DELETE and TRUNCATE for every database role, the owner included (a revoked privilege
-- alone would not bind the owner, which is the role the application connects as).
CREATE TABLE audit_entry (
    id           BIGSERIAL    PRIMARY KEY,
    at           TIMESTAMPTZ  NOT NULL,
    actor        VARCHAR(40)  NOT NULL,
    address      VARCHAR(64),
    entity       VARCHAR(30)  NOT NULL,
    entity_id    VARCHAR(120) NOT NULL,
    action       VARCHAR(10)  NOT NULL CHECK (action IN ('CREATE', 'UPDATE', 'DELETE', 'IMPORT')),
    before_value JSONB,
    after_value  JSONB
);
CREATE INDEX audit_entry_entity_idx ON audit_entry (entity, entity_id, at);
CREATE INDEX audit_entry_at_idx ON audit_entry (at);

CREATE FUNCTION audit_entry_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_entry is append-only: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER audit_entry_no_update_or_delete BEFORE UPDATE OR DELETE ON audit_entry
    FOR EACH ROW EXECUTE FUNCTION audit_entry_append_only();
CREATE TRIGGER audit_entry_no_truncate BEFORE TRUNCATE ON audit_entry
    FOR EACH STATEMENT EXECUTE FUNCTION audit_entry_append_only();
REVOKE UPDATE, DELETE, TRUNCATE ON audit_entry FROM PUBLIC;

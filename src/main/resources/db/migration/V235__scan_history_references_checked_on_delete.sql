-- A scan's record (scan_event.username) and a hand-off (board_custody.location_code) no longer check their reference
-- when they are written: each check key-share-locked a row that every concurrent scan at the depot locks too (the
-- scanning user's, the depot's), and a row key-share-locked by many transactions at once gets a new multixact for
-- each: two MultiXact and two Heap/LOCK WAL records and ~0.1 ms of PostgreSQL's CPU per scan (lane scan10,
-- docs/performance.md). The values come from checked sources: the user of a scan is the signed-in app_user; a
-- hand-off's location is the one its board moves to in the same statement (BoardWrites), which board's own foreign
-- key checks. What the keys guaranteed on the other side — a user or location the history names is not deleted or
-- renamed — the triggers below keep, as the keys' own delete and update checks did.
ALTER TABLE scan_event DROP CONSTRAINT scan_event_username_fkey;
ALTER TABLE board_custody DROP CONSTRAINT board_custody_location_code_fkey;

-- kept_while_named(referencing table, its column, this table's key): refuses losing a row that table names.
CREATE FUNCTION kept_while_named() RETURNS TRIGGER LANGUAGE plpgsql AS $$
DECLARE
    named_key TEXT := to_jsonb(OLD) ->> TG_ARGV[2];
    named BOOLEAN;
BEGIN
    EXECUTE format('SELECT EXISTS (SELECT 1 FROM %I WHERE %I = $1)', TG_ARGV[0], TG_ARGV[1]) INTO named USING named_key;
    IF named THEN
        RAISE foreign_key_violation USING MESSAGE = format('%s %s is named by %s.%s', TG_TABLE_NAME, named_key, TG_ARGV[0], TG_ARGV[1]);
    END IF;
    IF TG_OP = 'DELETE' THEN
        RETURN OLD;
    END IF;
    RETURN NEW;
END $$;

CREATE TRIGGER app_user_kept_for_scans BEFORE DELETE ON app_user
    FOR EACH ROW EXECUTE FUNCTION kept_while_named('scan_event', 'username', 'username');
CREATE TRIGGER app_user_renamed_kept_for_scans BEFORE UPDATE OF username ON app_user
    FOR EACH ROW WHEN (OLD.username IS DISTINCT FROM NEW.username)
    EXECUTE FUNCTION kept_while_named('scan_event', 'username', 'username');
CREATE TRIGGER location_kept_for_custody BEFORE DELETE ON location
    FOR EACH ROW EXECUTE FUNCTION kept_while_named('board_custody', 'location_code', 'code');
CREATE TRIGGER location_renamed_kept_for_custody BEFORE UPDATE OF code ON location
    FOR EACH ROW WHEN (OLD.code IS DISTINCT FROM NEW.code)
    EXECUTE FUNCTION kept_while_named('board_custody', 'location_code', 'code');

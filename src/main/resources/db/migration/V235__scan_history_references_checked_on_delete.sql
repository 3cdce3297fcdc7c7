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

CREATE FUNCTION app_user_kept_for_scans() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM scan_event WHERE username = OLD.username) THEN
        RAISE foreign_key_violation USING MESSAGE = format('user %s is named by recorded scans (scan_event)', OLD.username);
    END IF;
    RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END $$;
CREATE TRIGGER app_user_kept_for_scans_delete BEFORE DELETE ON app_user
    FOR EACH ROW EXECUTE FUNCTION app_user_kept_for_scans();
CREATE TRIGGER app_user_kept_for_scans_rename BEFORE UPDATE OF username ON app_user
    FOR EACH ROW WHEN (OLD.username IS DISTINCT FROM NEW.username) EXECUTE FUNCTION app_user_kept_for_scans();

CREATE FUNCTION location_kept_for_custody() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM board_custody WHERE location_code = OLD.code) THEN
        RAISE foreign_key_violation USING MESSAGE = format('location %s is named by hand-offs (board_custody)', OLD.code);
    END IF;
    RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END $$;
CREATE TRIGGER location_kept_for_custody_delete BEFORE DELETE ON location
    FOR EACH ROW EXECUTE FUNCTION location_kept_for_custody();
CREATE TRIGGER location_kept_for_custody_rename BEFORE UPDATE OF code ON location
    FOR EACH ROW WHEN (OLD.code IS DISTINCT FROM NEW.code) EXECUTE FUNCTION location_kept_for_custody();

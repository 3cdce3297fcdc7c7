-- Every node keeps the users it has authenticated in memory (KnownUsers) and listens on this channel: each change of
-- a user row, by the service or by hand in SQL, names the user at commit (PostgreSQL delivers notifications only
-- when the transaction commits, and drops them with a rollback), so every node forgets that user before its next
-- request. A renamed user is named twice: the old name must be forgotten too.
CREATE FUNCTION app_user_changed() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN
        PERFORM pg_notify('app_user_changed', OLD.username);
    END IF;
    IF TG_OP <> 'DELETE' AND (TG_OP = 'INSERT' OR NEW.username IS DISTINCT FROM OLD.username) THEN
        PERFORM pg_notify('app_user_changed', NEW.username);
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER app_user_changed AFTER INSERT OR UPDATE OR DELETE ON app_user
    FOR EACH ROW EXECUTE FUNCTION app_user_changed();

-- Instances cache each user's role version for a short while (Infrastructure/Auth/RoleVersionCheck.cs) and forget it when
-- told: a change of the version (a role granted or revoked) or the account's deletion notifies every instance listening
-- on participation_role_version, at commit, with the user's id.
CREATE FUNCTION notify_role_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('participation_role_version', OLD.id::text);
    RETURN NULL;
END;
$$;

CREATE TRIGGER users_role_version_changed
    AFTER UPDATE OF role_version ON users
    FOR EACH ROW WHEN (OLD.role_version IS DISTINCT FROM NEW.role_version)
    EXECUTE FUNCTION notify_role_version();

CREATE TRIGGER users_deleted_notify_role_version
    AFTER DELETE ON users
    FOR EACH ROW EXECUTE FUNCTION notify_role_version();

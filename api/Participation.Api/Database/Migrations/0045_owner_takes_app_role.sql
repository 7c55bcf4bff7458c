-- Issue 19: the login that owns the tables (it runs these migrations and opens the API's connections) must be able to
-- take the API's role: every API connection starts with `role=participation_app` (Infrastructure/Database/Cities.cs),
-- which PostgreSQL allows only to a member of that role. A superuser may take any role; the production setup is a
-- non-superuser owner with CREATEROLE (deploy/CONFIGURATION.md), which in PostgreSQL 15 does not become a member of a role
-- it creates. Idempotent: nothing to do for a superuser or an owner already a member.
DO $$
BEGIN
    IF NOT pg_has_role(current_user, 'participation_app', 'MEMBER') THEN
        EXECUTE format('GRANT participation_app TO %I', current_user);
    END IF;
END
$$;

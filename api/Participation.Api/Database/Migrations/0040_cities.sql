-- Issue 19: many cities on one database, isolated by PostgreSQL row-level security.
--
-- Every tenant-owned table gets city_id, filled by default from the connection's city (current_city(): the setting
-- participation.city_id, which the API gives each city's connections at start-up, Infrastructure/Database/Cities.cs),
-- and one policy: a row is visible, and may be written, only with its city's setting. Without a setting nothing is
-- visible and nothing can be written (fail closed). The API's connections take the role participation_app, which is
-- not the tables' owner and cannot bypass row-level security; migrations run as the owner.
--
-- The existing rows belong to the default city (a single-city install needs no configuration: it is that city).
-- Unique keys that were global become per city (an e-mail address may exist in two cities as two accounts); keys that
-- are random (token hashes, file keys) stay global.

CREATE TABLE cities (
    id            uuid PRIMARY KEY,
    slug          text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND length(slug) <= 63),
    name          text NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
    status        text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'suspended', 'archived')),
    created_at    timestamptz NOT NULL DEFAULT now(),
    status_at     timestamptz NOT NULL DEFAULT now()
);

-- The host names a city answers on (lower case, no port). With no domain at all, every host is the default city.
CREATE TABLE city_domains (
    host        text PRIMARY KEY CHECK (host = lower(host) AND host ~ '^[a-z0-9]([a-z0-9.-]*[a-z0-9])?$' AND length(host) <= 253),
    city_id     uuid NOT NULL REFERENCES cities (id) ON DELETE CASCADE,
    created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX city_domains_city ON city_domains (city_id);

INSERT INTO cities (id, slug, name)
SELECT '00000000-0000-4000-8000-000000000001', 'default', name FROM platform_settings;

CREATE FUNCTION current_city() RETURNS uuid LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT nullif(current_setting('participation.city_id', true), '')::uuid
$$;

-- Roles belong to the server, not to a database: two databases of one server migrating at once (the test suites'
-- parallel collections; the migration lock is per database) may both find no role and both create it. The loser finds
-- it made: nothing to do.
DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'participation_app') THEN
        CREATE ROLE participation_app NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
    END IF;
EXCEPTION WHEN duplicate_object OR unique_violation THEN
    NULL;
END
$$;

-- Every table but the platform's own: city_id (instant: a constant default for the existing rows, then the setting's
-- for new ones), row-level security and the city policy.
DO $$
DECLARE
    t record;
BEGIN
    FOR t IN
        SELECT c.relname
          FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
         WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND NOT c.relispartition
           AND c.relname NOT IN ('schemaversions', 'cities', 'city_domains', 'rate_limit_counters')
    LOOP
        EXECUTE format('ALTER TABLE %I ADD COLUMN city_id uuid NOT NULL DEFAULT %L', t.relname, '00000000-0000-4000-8000-000000000001');
        EXECUTE format('ALTER TABLE %I ALTER COLUMN city_id SET DEFAULT current_city()', t.relname);
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t.relname);
        EXECUTE format('CREATE POLICY city ON %I USING (city_id = current_city()) WITH CHECK (city_id = current_city())', t.relname);
    END LOOP;
END
$$;

-- Keys per city.
ALTER TABLE platform_settings DROP CONSTRAINT platform_settings_pkey, ADD PRIMARY KEY (city_id);
ALTER TABLE briefing_schedule DROP CONSTRAINT briefing_schedule_pkey, ADD PRIMARY KEY (city_id);
ALTER TABLE home_pages DROP CONSTRAINT home_pages_pkey, ADD PRIMARY KEY (city_id, language);
ALTER TABLE terms_versions DROP CONSTRAINT terms_versions_pkey, ADD PRIMARY KEY (city_id, version);
ALTER TABLE event_checkpoints DROP CONSTRAINT event_checkpoints_pkey, ADD PRIMARY KEY (city_id, consumer);
ALTER TABLE page_slugs DROP CONSTRAINT page_slugs_pkey, ADD PRIMARY KEY (city_id, slug);
ALTER TABLE project_slugs DROP CONSTRAINT project_slugs_pkey, ADD PRIMARY KEY (city_id, slug);
ALTER TABLE email_outbox DROP CONSTRAINT email_outbox_dedup_key_key;
CREATE UNIQUE INDEX email_outbox_dedup_key_key ON email_outbox (city_id, dedup_key);

DROP INDEX users_email_key;
CREATE UNIQUE INDEX users_email_key ON users (city_id, email);
DROP INDEX departments_name_fr_key;
CREATE UNIQUE INDEX departments_name_fr_key ON departments (city_id, lower(name ->> 'fr'));
DROP INDEX organisations_name_key;
CREATE UNIQUE INDEX organisations_name_key ON organisations (city_id, lower(name));
DROP INDEX api_clients_name;
CREATE UNIQUE INDEX api_clients_name ON api_clients (city_id, lower(name)) WHERE revoked_at IS NULL;
DROP INDEX pages_standard_kind;
CREATE UNIQUE INDEX pages_standard_kind ON pages (city_id, kind) WHERE kind <> 'free';
DROP INDEX topics_name_fr_key, topics_name_nl_key, topics_name_en_key;
CREATE UNIQUE INDEX topics_name_fr_key ON topics (city_id, lower(name ->> 'fr'));
CREATE UNIQUE INDEX topics_name_nl_key ON topics (city_id, lower(name ->> 'nl')) WHERE name ? 'nl';
CREATE UNIQUE INDEX topics_name_en_key ON topics (city_id, lower(name ->> 'en')) WHERE name ? 'en';
DROP INDEX areas_name_fr_key, areas_name_nl_key, areas_name_en_key;
CREATE UNIQUE INDEX areas_name_fr_key ON areas (city_id, lower(name ->> 'fr'));
CREATE UNIQUE INDEX areas_name_nl_key ON areas (city_id, lower(name ->> 'nl')) WHERE name ? 'nl';
CREATE UNIQUE INDEX areas_name_en_key ON areas (city_id, lower(name ->> 'en')) WHERE name ? 'en';
DROP INDEX projects_slug;
CREATE UNIQUE INDEX projects_slug ON projects (city_id, slug);
DROP INDEX calendar_events_slug;
CREATE UNIQUE INDEX calendar_events_slug ON calendar_events (city_id, slug);

-- The API's role: data only (no DDL), on every table and sequence, now and later.
GRANT USAGE ON SCHEMA public TO participation_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO participation_app;
GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO participation_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO participation_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO participation_app;
-- cities and city_domains are read by the API to find a request's city; written only by the operator's console,
-- which runs as the owner (Infrastructure/Database/Cities.cs).
REVOKE INSERT, UPDATE, DELETE ON cities, city_domains FROM participation_app;

-- A project's slugs are kept per city.
CREATE OR REPLACE FUNCTION projects_keep_slug() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO project_slugs (city_id, slug, project_id) VALUES (NEW.city_id, NEW.slug, NEW.id) ON CONFLICT (city_id, slug) DO NOTHING;
    IF NOT EXISTS (SELECT 1 FROM project_slugs WHERE city_id = NEW.city_id AND slug = NEW.slug AND project_id = NEW.id) THEN
        RAISE unique_violation USING MESSAGE = 'slug held by another project', CONSTRAINT = 'project_slugs_pkey';
    END IF;
    RETURN NULL;
END;
$$;

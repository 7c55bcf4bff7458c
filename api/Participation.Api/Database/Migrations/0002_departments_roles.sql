-- Departments of the administration, and role grants scoped to them.

CREATE TABLE departments (
    id          uuid PRIMARY KEY,
    -- multilingual: {"fr": "...", "nl": "...", "en": "..."}; French (the platform default) required
    name        jsonb NOT NULL CHECK (jsonb_typeof(name) = 'object' AND name ? 'fr'),
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX departments_name_fr_key ON departments (lower(name ->> 'fr'));

-- A department-scoped grant points at a real department (scope_id stays the generic handle).
ALTER TABLE user_roles ADD COLUMN department_id uuid REFERENCES departments (id) ON DELETE RESTRICT;
ALTER TABLE user_roles ADD CONSTRAINT user_roles_department_scope
    CHECK ((scope_type = 'department') = (department_id IS NOT NULL) AND (department_id IS NULL OR department_id = scope_id));

-- Which role may have which scope.
ALTER TABLE user_roles ADD CONSTRAINT user_roles_role_scope CHECK (
       (role IN ('admin', 'communication_manager', 'it_manager') AND scope_type = 'platform')
    OR (role = 'department_head' AND scope_type = 'department')
    OR (role = 'project_moderator' AND scope_type = 'project')
    OR (role = 'elected_official' AND scope_type IN ('platform', 'department')));

CREATE INDEX user_roles_user ON user_roles (user_id);

-- Admin user search ("Marie Curie", "Curie Marie" or part of the e-mail), served by a trigram index.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE FUNCTION users_search_text(email text, first_name text, last_name text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN email || ' ' || first_name || ' ' || last_name || ' ' || first_name;
CREATE INDEX users_search_trgm ON users USING gin (users_search_text(email, first_name, last_name) gin_trgm_ops);
CREATE INDEX users_name_order ON users (lower(last_name), lower(first_name), id);

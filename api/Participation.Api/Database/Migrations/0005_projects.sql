-- Projects run by moderators, their timeline of phases, blocked users.

CREATE EXTENSION IF NOT EXISTS btree_gist;

CREATE TABLE projects (
    id                  uuid PRIMARY KEY,
    department_id       uuid NOT NULL REFERENCES departments (id) ON DELETE RESTRICT,
    -- multilingual texts {"fr": ..., "nl": ..., "en": ...}; French required for the title
    title               jsonb NOT NULL CHECK (jsonb_typeof(title) = 'object' AND title ? 'fr'),
    summary             jsonb NOT NULL DEFAULT '{}'::jsonb CHECK (jsonb_typeof(summary) = 'object'),
    description         jsonb NOT NULL DEFAULT '{}'::jsonb CHECK (jsonb_typeof(description) = 'object'),  -- sanitised HTML
    goals               jsonb NOT NULL DEFAULT '{}'::jsonb CHECK (jsonb_typeof(goals) = 'object'),
    target_audience     jsonb NOT NULL DEFAULT '{}'::jsonb CHECK (jsonb_typeof(target_audience) = 'object'),
    topics              text[] NOT NULL DEFAULT '{}' CHECK (cardinality(topics) <= 10),
    image_key           text,
    status              text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published', 'archived')),
    preview_token_hash  bytea UNIQUE,
    created_by          uuid REFERENCES users (id) ON DELETE SET NULL,
    created_at          timestamptz NOT NULL DEFAULT now(),
    updated_at          timestamptz NOT NULL DEFAULT now(),
    published_at        timestamptz,
    -- full-text search over the titles and summaries of every language
    search              tsvector GENERATED ALWAYS AS (
                            to_tsvector('simple', coalesce(title ->> 'fr', '') || ' ' || coalesce(title ->> 'nl', '') || ' ' || coalesce(title ->> 'en', '')
                                || ' ' || coalesce(summary ->> 'fr', '') || ' ' || coalesce(summary ->> 'nl', '') || ' ' || coalesce(summary ->> 'en', ''))) STORED
);
CREATE INDEX projects_public_newest ON projects (published_at DESC, id DESC) WHERE status IN ('published', 'archived');
CREATE INDEX projects_department ON projects (department_id, created_at DESC);
CREATE INDEX projects_topics ON projects USING gin (topics);
CREATE INDEX projects_search ON projects USING gin (search);

CREATE TABLE phases (
    id           uuid PRIMARY KEY,
    project_id   uuid NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    title        jsonb NOT NULL CHECK (jsonb_typeof(title) = 'object' AND title ? 'fr'),
    description  jsonb NOT NULL DEFAULT '{}'::jsonb CHECK (jsonb_typeof(description) = 'object'),
    starts_at    timestamptz NOT NULL,
    ends_at      timestamptz,  -- NULL: open-ended (the last phase only, by the no-overlap rule)
    method       text NOT NULL CHECK (method IN ('information', 'ideation', 'voting', 'budgeting', 'survey', 'poll')),
    settings     jsonb NOT NULL DEFAULT '{}'::jsonb CHECK (jsonb_typeof(settings) = 'object'),
    created_at   timestamptz NOT NULL DEFAULT now(),
    updated_at   timestamptz NOT NULL DEFAULT now(),
    CHECK (ends_at IS NULL OR ends_at > starts_at),
    CONSTRAINT phases_no_overlap EXCLUDE USING gist (project_id WITH =, tstzrange(starts_at, ends_at, '[)') WITH &&)
);
CREATE INDEX phases_project ON phases (project_id, starts_at);

-- Project-scoped grants (moderators) and invitations point at real projects.
ALTER TABLE user_roles ADD COLUMN project_id uuid REFERENCES projects (id) ON DELETE CASCADE;
ALTER TABLE user_roles ADD CONSTRAINT user_roles_project_scope
    CHECK ((scope_type = 'project') = (project_id IS NOT NULL) AND (project_id IS NULL OR project_id = scope_id));
ALTER TABLE invitations ADD COLUMN project_id uuid REFERENCES projects (id) ON DELETE CASCADE;
ALTER TABLE invitations ADD CONSTRAINT invitations_project_scope
    CHECK ((scope_type = 'project') = (project_id IS NOT NULL) AND (project_id IS NULL OR project_id = scope_id));

-- Platform-wide blocks: blocked users read and log in but cannot participate.
CREATE TABLE user_blocks (
    user_id     uuid PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    blocked_by  uuid REFERENCES users (id) ON DELETE SET NULL,
    reason      text NOT NULL CHECK (length(reason) BETWEEN 1 AND 1000),
    blocked_at  timestamptz NOT NULL DEFAULT now(),
    until       timestamptz NOT NULL
);

-- Department heads read the audit entries of their department.
ALTER TABLE audit_log ADD COLUMN department_id uuid;
CREATE INDEX audit_log_department ON audit_log (department_id, id DESC) WHERE department_id IS NOT NULL;

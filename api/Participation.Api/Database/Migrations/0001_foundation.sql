-- Foundation: accounts, roles, tokens, e-mail outbox, audit log, platform settings.

CREATE TABLE platform_settings (
    id          smallint PRIMARY KEY DEFAULT 1 CHECK (id = 1),
    name        text NOT NULL,
    languages   text[] NOT NULL DEFAULT ARRAY['fr', 'nl', 'en'],
    updated_at  timestamptz NOT NULL DEFAULT now()
);
INSERT INTO platform_settings (name) VALUES ('Participation');

CREATE TABLE users (
    id                  uuid PRIMARY KEY,
    email               text NOT NULL CHECK (email = lower(email) AND length(email) <= 254),
    email_confirmed_at  timestamptz,
    password_hash       text NOT NULL,
    first_name          text NOT NULL CHECK (length(first_name) BETWEEN 1 AND 100),
    last_name           text NOT NULL CHECK (length(last_name) BETWEEN 1 AND 100),
    locale              text NOT NULL DEFAULT 'fr' CHECK (locale IN ('fr', 'nl', 'en')),
    -- bumped whenever the user's roles change; carried in access tokens as "rv"
    role_version        integer NOT NULL DEFAULT 1,
    created_at          timestamptz NOT NULL DEFAULT now(),
    updated_at          timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX users_email_key ON users (email);

CREATE TABLE user_roles (
    id          uuid PRIMARY KEY,
    user_id     uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    role        text NOT NULL CHECK (role IN ('admin', 'department_head', 'project_moderator',
                                              'communication_manager', 'it_manager', 'elected_official')),
    scope_type  text NOT NULL CHECK (scope_type IN ('platform', 'department', 'project')),
    scope_id    uuid,
    granted_by  uuid REFERENCES users (id) ON DELETE SET NULL,
    granted_at  timestamptz NOT NULL DEFAULT now(),
    CHECK ((scope_type = 'platform') = (scope_id IS NULL)),
    CONSTRAINT user_roles_unique UNIQUE NULLS NOT DISTINCT (user_id, role, scope_type, scope_id)
);
CREATE INDEX user_roles_scope ON user_roles (scope_type, scope_id, role);

-- Refresh tokens: random, stored as SHA-256, single use; a family shares one login.
CREATE TABLE refresh_tokens (
    token_hash  bytea PRIMARY KEY,
    user_id     uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    family_id   uuid NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    expires_at  timestamptz NOT NULL,
    used_at     timestamptz,
    revoked_at  timestamptz
);
CREATE INDEX refresh_tokens_family ON refresh_tokens (family_id);
CREATE INDEX refresh_tokens_user_live ON refresh_tokens (user_id) WHERE revoked_at IS NULL AND used_at IS NULL;

-- One-time tokens sent by e-mail (confirmation, password reset): stored as SHA-256.
CREATE TABLE user_tokens (
    token_hash  bytea PRIMARY KEY,
    user_id     uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    purpose     text NOT NULL CHECK (purpose IN ('confirm_email', 'password_reset')),
    created_at  timestamptz NOT NULL DEFAULT now(),
    expires_at  timestamptz NOT NULL,
    used_at     timestamptz
);
CREATE INDEX user_tokens_user ON user_tokens (user_id, purpose, created_at DESC);

-- E-mail outbox: written in the transaction of the change that causes the e-mail,
-- delivered at least once by the background sender, deduplicated by key.
CREATE TABLE email_outbox (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    dedup_key        text UNIQUE,
    category         text NOT NULL,
    to_address       text NOT NULL,
    to_name          text,
    subject          text NOT NULL,
    text_body        text NOT NULL,
    html_body        text,
    headers          jsonb NOT NULL DEFAULT '{}'::jsonb,
    status           text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'sent', 'failed')),
    attempts         integer NOT NULL DEFAULT 0,
    next_attempt_at  timestamptz NOT NULL DEFAULT now(),
    locked_until     timestamptz,
    last_error       text,
    created_at       timestamptz NOT NULL DEFAULT now(),
    sent_at          timestamptz
);
CREATE INDEX email_outbox_due ON email_outbox (next_attempt_at, id) WHERE status = 'queued';

CREATE TABLE audit_log (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    occurred_at  timestamptz NOT NULL DEFAULT now(),
    actor_id     uuid REFERENCES users (id) ON DELETE SET NULL,
    action       text NOT NULL,
    target_type  text,
    target_id    text,
    data         jsonb NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX audit_log_occurred ON audit_log (occurred_at DESC, id DESC);
CREATE INDEX audit_log_target ON audit_log (target_type, target_id);

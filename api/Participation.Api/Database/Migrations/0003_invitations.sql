-- Invitations: e-mail + role + scope, 30-day expiry, single use. Status is derived:
-- accepted (accepted_at), revoked (revoked_at), expired (expires_at passed), else pending.

CREATE TABLE invitations (
    id                uuid PRIMARY KEY,
    email             text NOT NULL CHECK (email = lower(email) AND length(email) <= 254),
    first_name        text CHECK (length(first_name) <= 100),
    last_name         text CHECK (length(last_name) <= 100),
    locale            text NOT NULL DEFAULT 'fr' CHECK (locale IN ('fr', 'nl', 'en')),
    role              text NOT NULL,
    scope_type        text NOT NULL,
    scope_id          uuid,
    department_id     uuid REFERENCES departments (id) ON DELETE CASCADE,
    message           text CHECK (length(message) <= 2000),
    invited_by        uuid REFERENCES users (id) ON DELETE SET NULL,
    created_at        timestamptz NOT NULL DEFAULT now(),
    expires_at        timestamptz NOT NULL,
    accepted_at       timestamptz,
    accepted_by       uuid REFERENCES users (id) ON DELETE SET NULL,
    revoked_at        timestamptz,
    revoked_by        uuid REFERENCES users (id) ON DELETE SET NULL,
    reminder_sent_at  timestamptz,
    -- the latest e-mail sent for it, for its delivery state (queued, sent, failed)
    email_id          bigint REFERENCES email_outbox (id) ON DELETE SET NULL,
    CHECK ((scope_type = 'platform') = (scope_id IS NULL)),
    CHECK ((scope_type = 'department') = (department_id IS NOT NULL) AND (department_id IS NULL OR department_id = scope_id)),
    CHECK (   (role IN ('admin', 'communication_manager', 'it_manager') AND scope_type = 'platform')
           OR (role = 'department_head' AND scope_type = 'department')
           OR (role = 'project_moderator' AND scope_type = 'project')
           OR (role = 'elected_official' AND scope_type IN ('platform', 'department'))),
    CHECK (accepted_at IS NULL OR revoked_at IS NULL)
);
CREATE INDEX invitations_recent ON invitations (created_at DESC, id DESC);
CREATE INDEX invitations_email ON invitations (email, role, scope_type, scope_id);
CREATE INDEX invitations_department ON invitations (department_id, created_at DESC) WHERE department_id IS NOT NULL;
CREATE INDEX invitations_reminder_due ON invitations (expires_at)
    WHERE accepted_at IS NULL AND revoked_at IS NULL AND reminder_sent_at IS NULL;

-- Tokens (stored as SHA-256) that open an invitation. The first e-mail and the reminder each carry
-- one; accepting, revoking or resending ends them all.
CREATE TABLE invitation_tokens (
    token_hash     bytea PRIMARY KEY,
    invitation_id  uuid NOT NULL REFERENCES invitations (id) ON DELETE CASCADE,
    created_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX invitation_tokens_invitation ON invitation_tokens (invitation_id);

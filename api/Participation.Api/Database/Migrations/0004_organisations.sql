-- Organisations residents represent (associations, councils, neighbourhood committees), verified by an
-- admin before a member may post as them. Members are residents; they join by accepting an invitation
-- sent to their (confirmed) e-mail address.

CREATE TABLE organisations (
    id             uuid PRIMARY KEY,
    name           text NOT NULL CHECK (length(name) BETWEEN 2 AND 120),
    description    text NOT NULL DEFAULT '' CHECK (length(description) <= 2000),
    website        text CHECK (length(website) <= 300),
    status         text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'verified', 'rejected')),
    status_reason  text CHECK (length(status_reason) <= 1000),
    reviewed_by    uuid REFERENCES users (id) ON DELETE SET NULL,
    reviewed_at    timestamptz,
    created_by     uuid REFERENCES users (id) ON DELETE SET NULL,
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX organisations_name_key ON organisations (lower(name));
CREATE INDEX organisations_status_name ON organisations (status, lower(name), id);

CREATE TABLE organisation_members (
    organisation_id  uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    user_id          uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    role             text NOT NULL CHECK (role IN ('owner', 'member')),
    joined_at        timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (organisation_id, user_id)
);
CREATE INDEX organisation_members_user ON organisation_members (user_id);

CREATE TABLE organisation_invitations (
    organisation_id  uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    email            text NOT NULL CHECK (email = lower(email)),
    invited_by       uuid REFERENCES users (id) ON DELETE SET NULL,
    created_at       timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (organisation_id, email)
);
CREATE INDEX organisation_invitations_email ON organisation_invitations (email);

-- API clients: integrations (the city's case-management system, its website, a data portal) that call the API with
-- their own credentials (OAuth 2.0 client credentials), never a person's password.
--
-- A client's secrets are stored as SHA-256 digests (a secret is 256 random bits: a slow hash adds nothing). Rotating
-- adds a secret and gives the previous ones an end (expires_at) after an overlap window, so the integration can switch
-- without downtime; revoking the client ends them all at once, and the tokens already issued with them.
CREATE TABLE api_clients (
    id                    uuid PRIMARY KEY,
    name                  text NOT NULL,
    description           text NOT NULL DEFAULT '',
    scopes                text[] NOT NULL,
    rate_limit_per_minute integer NOT NULL CHECK (rate_limit_per_minute BETWEEN 1 AND 100000),
    created_by            uuid REFERENCES users (id) ON DELETE SET NULL,
    created_at            timestamptz NOT NULL DEFAULT now(),
    updated_at            timestamptz NOT NULL DEFAULT now(),
    revoked_at            timestamptz,
    last_used_at          timestamptz
);
-- Two live clients never share a name (the audit log and the delivery log name them).
CREATE UNIQUE INDEX api_clients_name ON api_clients (lower(name)) WHERE revoked_at IS NULL;

CREATE TABLE api_client_secrets (
    id           uuid PRIMARY KEY,
    client_id    uuid NOT NULL REFERENCES api_clients (id),
    hash         bytea NOT NULL UNIQUE,
    -- The secret's last characters, to tell secrets apart in the staff area (never enough to guess it).
    hint         text NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    created_by   uuid REFERENCES users (id) ON DELETE SET NULL,
    expires_at   timestamptz,
    last_used_at timestamptz
);
CREATE INDEX api_client_secrets_client ON api_client_secrets (client_id, created_at DESC);

-- What a client does is recorded as that client: the actor of its events.
ALTER TABLE events ADD COLUMN client_id uuid REFERENCES api_clients (id);
CREATE INDEX events_client ON events (client_id, position DESC) WHERE client_id IS NOT NULL;

-- The official answer on an idea may come from the city's case-management system (a client with ideas:feedback).
ALTER TABLE idea_status_changes ADD COLUMN changed_by_client uuid REFERENCES api_clients (id);

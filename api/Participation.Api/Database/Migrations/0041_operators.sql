-- Issue 19: the vendor's console. The people who run the deployment (operators, and support staff who help cities) are
-- the platform's, outside any city: no city_id, no row-level security, and the API's role (participation_app) cannot
-- read or write these tables at all. The console reaches them through the owner's connections (PlatformDb).

CREATE TABLE operators (
    id             uuid PRIMARY KEY,
    email          text NOT NULL CHECK (email = lower(email) AND length(email) <= 254),
    display_name   text NOT NULL CHECK (length(display_name) BETWEEN 1 AND 100),
    password_hash  text NOT NULL,
    role           text NOT NULL CHECK (role IN ('operator', 'support')),
    created_at     timestamptz NOT NULL DEFAULT now(),
    disabled_at    timestamptz
);
CREATE UNIQUE INDEX operators_email_key ON operators (email);

-- What the operators did, written in the same transaction as the change itself.
CREATE TABLE operator_audit (
    id           uuid PRIMARY KEY,
    operator_id  uuid REFERENCES operators (id),
    action       text NOT NULL CHECK (length(action) BETWEEN 1 AND 100),
    city_id      uuid REFERENCES cities (id),
    details      jsonb NOT NULL DEFAULT '{}',
    at           timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX operator_audit_keyset ON operator_audit (at DESC, id DESC);
CREATE INDEX operator_audit_city ON operator_audit (city_id, at DESC) WHERE city_id IS NOT NULL;

-- The default privileges of 0040 gave the API's role every new table: not these.
REVOKE ALL ON operators, operator_audit FROM participation_app;

-- A city's addresses in the operator's order: the first one is the address of its links (invitations...).
ALTER TABLE city_domains ADD COLUMN position integer NOT NULL DEFAULT 0;

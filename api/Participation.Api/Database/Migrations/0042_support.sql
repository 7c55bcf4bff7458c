-- Issue 19, deliverable 3: support with consent.
--
-- A city's admin grants the vendor's support staff a time-limited access to the city's staff area (support_grants: one
-- active at a time, extended by granting again, revoked at will); its staff write to the vendor's support from the staff
-- area (support_requests). While a grant is active a support person acts in the city as a user of the city's own
-- (users.support_operator_id names the operator behind it), and every event recorded on such a request names the grant
-- (events.support_grant_id), so the city's audit log shows what support did. Both tables are the city's: city_id,
-- row-level security and the city policy, as migration 0040 gave every tenant table.

CREATE TABLE support_grants (
    id          uuid PRIMARY KEY,
    city_id     uuid NOT NULL DEFAULT current_city() REFERENCES cities (id) ON DELETE CASCADE,
    granted_by  uuid REFERENCES users (id) ON DELETE SET NULL,
    reason      text CHECK (length(reason) <= 500),
    starts_at   timestamptz NOT NULL DEFAULT now(),
    ends_at     timestamptz NOT NULL,
    extended_at timestamptz,
    revoked_at  timestamptz,
    revoked_by  uuid REFERENCES users (id) ON DELETE SET NULL,
    CHECK (ends_at > starts_at)
);
CREATE INDEX support_grants_city_recent ON support_grants (city_id, starts_at DESC);
-- The grants not revoked, read by the operator's list of the cities open to support (across cities, as the owner).
CREATE INDEX support_grants_open ON support_grants (ends_at) WHERE revoked_at IS NULL;

CREATE TABLE support_requests (
    id                  uuid PRIMARY KEY,
    city_id             uuid NOT NULL DEFAULT current_city() REFERENCES cities (id) ON DELETE CASCADE,
    author_id           uuid REFERENCES users (id) ON DELETE SET NULL,
    subject             text NOT NULL CHECK (length(subject) BETWEEN 1 AND 200),
    message             text NOT NULL CHECK (length(message) BETWEEN 1 AND 5000),
    contact_preference  text NOT NULL DEFAULT 'email' CHECK (contact_preference IN ('email', 'phone')),
    phone               text CHECK (length(phone) <= 40),
    created_at          timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX support_requests_city_recent ON support_requests (city_id, created_at DESC);

DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['support_grants', 'support_requests']
    LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY city ON %I USING (city_id = current_city()) WITH CHECK (city_id = current_city())', t);
    END LOOP;
END
$$;

-- The city's user a support person acts as (one per operator and city; no password anybody knows, no real address).
ALTER TABLE users ADD COLUMN support_operator_id uuid;
CREATE UNIQUE INDEX users_support_operator ON users (city_id, support_operator_id) WHERE support_operator_id IS NOT NULL;

-- The grant under which an event was recorded (null: not by support).
ALTER TABLE events ADD COLUMN support_grant_id uuid;

GRANT SELECT, INSERT, UPDATE, DELETE ON support_grants, support_requests TO participation_app;

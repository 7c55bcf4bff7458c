-- The staff content calendar's private iCalendar feeds (issue 16): one secret feed address per staff member, created,
-- rotated (a new token replaces the previous one) and revoked by its owner. Only the SHA-256 hash of the token is stored,
-- so the address is shown once, when created; the feed serves what its owner may see in the calendar at request time.
CREATE TABLE content_calendar_feeds (
    user_id     uuid PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    token_hash  bytea NOT NULL UNIQUE,
    created_at  timestamptz NOT NULL DEFAULT now()
);

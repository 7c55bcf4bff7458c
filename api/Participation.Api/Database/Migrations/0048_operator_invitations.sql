-- Issue 19, the vendor's console: its people are invited by e-mail, as a city's staff are. An operator adds a person
-- without a password (password_hash NULL: no password opens the account) and an e-mail carries a single-use link; the
-- person chooses their password on the console's page, which activates the account. One pending invitation per person:
-- resending replaces its token (the old link is dead), revoking removes the account that was never used, accepting
-- deletes the row in the statement that checks it (two parallel accepts: one wins). Only the token's hash is kept.
ALTER TABLE operators ALTER COLUMN password_hash DROP NOT NULL;

CREATE TABLE operator_invitations (
    operator_id  uuid PRIMARY KEY REFERENCES operators (id) ON DELETE CASCADE,
    token_hash   bytea NOT NULL UNIQUE,
    locale       text NOT NULL CHECK (locale IN ('fr', 'nl', 'en')),
    invited_by   uuid REFERENCES operators (id) ON DELETE SET NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    expires_at   timestamptz NOT NULL
);

-- The console's own e-mails (its people's invitations): a platform outbox, outside any city (no city_id, no row-level
-- security, no city's branding), delivered by the e-mail sender after the cities' outboxes (OutboxDispatcher).
CREATE TABLE platform_email_outbox (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
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
CREATE INDEX platform_email_outbox_due ON platform_email_outbox (next_attempt_at, id) WHERE status = 'queued';

-- The default privileges of 0040 gave the API's role every new table: not these (the console runs as the owner).
REVOKE ALL ON operator_invitations, platform_email_outbox FROM participation_app;

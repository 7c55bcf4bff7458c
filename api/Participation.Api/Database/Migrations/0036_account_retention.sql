-- Retention of inactive accounts (issue 17): an admin may have residents' accounts deleted after a number of months
-- without activity (off by default). Activity is a sign-in or a refresh of the session, written at most once a day
-- (users.last_active_at); the person is warned by e-mail 30 days before (users.retention_warned_at, cleared by the next
-- activity), then the account is deleted as a self-service deletion is (its contributions stay a former participant's).
ALTER TABLE platform_settings
    ADD COLUMN inactive_account_retention_months integer
        CHECK (inactive_account_retention_months BETWEEN 12 AND 120);

ALTER TABLE users
    ADD COLUMN last_active_at      timestamptz NOT NULL DEFAULT now(),
    ADD COLUMN retention_warned_at timestamptz;

-- Existing accounts: their latest session, else their creation (the column's default stamped every row "now").
UPDATE users u
   SET last_active_at = greatest(u.created_at, (SELECT max(t.created_at) FROM refresh_tokens t WHERE t.user_id = u.id));

-- The retention job's search: live accounts by their last activity.
CREATE INDEX users_last_active ON users (last_active_at) WHERE deleted_at IS NULL;

-- An organisation whose last member deleted their account is closed, not left without members: hidden from the lists,
-- its ideas and comments kept and still shown as the organisation's.
ALTER TABLE organisations ADD COLUMN closed_at timestamptz;
DROP INDEX organisations_status_name;
CREATE INDEX organisations_status_name ON organisations (status, lower(name), id) WHERE closed_at IS NULL;

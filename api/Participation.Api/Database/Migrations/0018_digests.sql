-- Department heads' monthly summaries and project moderators' weekly "waiting for you" digests: one row per person,
-- kind and period, claimed with INSERT ... ON CONFLICT DO NOTHING in the transaction that queues the e-mail, so that
-- each is sent at most once whatever the number of API instances. Skipped ones (nothing to say, or opted out) stay as
-- a record of the decision. The opt-out is a notification preference (categories 'department_summary' and
-- 'moderator_digest'): notification_preferences has no CHECK on its category, and digests write no notifications rows,
-- so notifications_category_check is left as it is.
CREATE TABLE digests (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind          text NOT NULL CHECK (kind IN ('department_summary', 'moderator_digest')),
    user_id       uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    period_start  date NOT NULL,  -- the first day (platform time) of the month or ISO week
    period_end    date NOT NULL CHECK (period_end > period_start),  -- the day after the last one
    status        text NOT NULL CHECK (status IN ('sent', 'skipped_empty', 'opted_out')),
    items         integer NOT NULL DEFAULT 0 CHECK (items >= 0),  -- what it listed (ideas, flags, departments' lines)
    created_at    timestamptz NOT NULL DEFAULT now(),
    sent_at       timestamptz,
    CHECK ((status = 'sent') = (sent_at IS NOT NULL)),
    CONSTRAINT digests_once UNIQUE (kind, user_id, period_start)
);

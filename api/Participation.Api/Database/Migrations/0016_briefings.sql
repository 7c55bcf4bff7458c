-- Briefings for elected officials (issue 15): an e-mail for each official about their scope (the platform or their
-- department) after each period of the schedule, and one when a project of their scope is launched (published).

-- The schedule, one row (no row: the defaults). Periods are calendar months, quarters or half-years in the platform's
-- time zone (Europe/Brussels); a period's briefings go out on send_day of the month after it ends, from send_hour on.
CREATE TABLE briefing_schedule (
    id          boolean PRIMARY KEY DEFAULT true CHECK (id),
    frequency   text NOT NULL DEFAULT 'quarterly' CHECK (frequency IN ('monthly', 'quarterly', 'half_yearly', 'off')),
    send_day    integer NOT NULL DEFAULT 1 CHECK (send_day BETWEEN 1 AND 28),
    send_hour   integer NOT NULL DEFAULT 8 CHECK (send_hour BETWEEN 0 AND 23),
    updated_by  uuid REFERENCES users (id) ON DELETE SET NULL,
    updated_at  timestamptz NOT NULL DEFAULT now()
);
INSERT INTO briefing_schedule DEFAULT VALUES;

-- One row per official, scope and period: the claim that makes each briefing produced once whatever the number of
-- instances (INSERT ... ON CONFLICT DO NOTHING, then pending rows taken with FOR UPDATE SKIP LOCKED). Periods are days
-- in platform time, period_to included. 'scheduled': the schedule's period; 'on_demand': an admin's "send now" (the
-- period to date, so once per official, scope and day). scope_id: the department (NULL: the platform).
CREATE TABLE briefings (
    id           uuid PRIMARY KEY,
    official_id  uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    scope_type   text NOT NULL CHECK (scope_type IN ('platform', 'department')),
    scope_id     uuid REFERENCES departments (id) ON DELETE CASCADE,
    kind         text NOT NULL CHECK (kind IN ('scheduled', 'on_demand')),
    period_from  date NOT NULL,
    period_to    date NOT NULL,
    status       text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'skipped_empty', 'opted_out')),
    outbox_id    bigint REFERENCES email_outbox (id) ON DELETE SET NULL,
    sent_by      uuid REFERENCES users (id) ON DELETE SET NULL,  -- the admin who sent it now (NULL: the schedule)
    created_at   timestamptz NOT NULL DEFAULT now(),
    produced_at  timestamptz,
    CHECK ((scope_type = 'platform') = (scope_id IS NULL)),
    CHECK (period_from <= period_to),
    CHECK ((status = 'pending') = (produced_at IS NULL))
);
CREATE UNIQUE INDEX briefings_once ON briefings (official_id, scope_type, coalesce(scope_id, '00000000-0000-0000-0000-000000000000'),
                                                 kind, period_from, period_to);
CREATE INDEX briefings_log ON briefings (created_at DESC, id DESC);
CREATE INDEX briefings_pending ON briefings (scope_type, scope_id) WHERE status = 'pending';
CREATE INDEX briefings_official ON briefings (official_id, created_at DESC);

-- Launch e-mails: once per official and project, written by the projection of project.status_changed (to published)
-- in the transaction that publishes the project, then rendered and queued by the briefings job.
CREATE TABLE briefing_launches (
    official_id  uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    project_id   uuid NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    status       text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'opted_out')),
    outbox_id    bigint REFERENCES email_outbox (id) ON DELETE SET NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    produced_at  timestamptz,
    PRIMARY KEY (official_id, project_id)
);
CREATE INDEX briefing_launches_pending ON briefing_launches (created_at) WHERE status = 'pending';

-- Inline images of an outbox e-mail (a briefing's charts), sent as multipart/related parts named by their Content-ID.
CREATE TABLE email_outbox_attachments (
    outbox_id     bigint NOT NULL REFERENCES email_outbox (id) ON DELETE CASCADE,
    content_id    text NOT NULL CHECK (length(content_id) BETWEEN 1 AND 200),
    content_type  text NOT NULL CHECK (content_type IN ('image/png')),
    file_name     text NOT NULL,
    content       bytea NOT NULL,
    PRIMARY KEY (outbox_id, content_id)
);

-- Notification categories: whichever migration of issue 15 runs last keeps all of them.
ALTER TABLE notifications DROP CONSTRAINT notifications_category_check;
ALTER TABLE notifications ADD CONSTRAINT notifications_category_check
    CHECK (category IN ('idea_status_mine', 'idea_status_followed', 'comment_on_my_idea', 'reply_to_my_comment',
                        'new_idea_to_moderate', 'content_hidden', 'mention', 'idea_assigned', 'briefing',
                        'department_summary', 'moderator_digest'));

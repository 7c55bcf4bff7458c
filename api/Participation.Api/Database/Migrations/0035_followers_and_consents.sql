-- Issue 17: project followers told when a phase starts, and consent records (terms version, newsletter).

-- A phase's start, announced once: the job that finds phases whose start has passed claims the phase here (the primary
-- key) in the transaction that records phase.started, so parallel runs and restarts announce each start once. Phases
-- that had already started before this migration count as announced (no burst of old news at deployment).
CREATE TABLE phase_start_announcements (
    phase_id      uuid PRIMARY KEY REFERENCES phases (id) ON DELETE CASCADE,
    starts_at     timestamptz NOT NULL,
    announced_at  timestamptz NOT NULL DEFAULT now()
);
INSERT INTO phase_start_announcements (phase_id, starts_at, announced_at)
SELECT id, starts_at, now() FROM phases WHERE starts_at <= now();

-- The versions of the terms of use, newest last: the current version is the latest published. Admins publish a new
-- version when the terms change in substance; signed-in people are then asked to accept it.
CREATE TABLE terms_versions (
    version       text PRIMARY KEY CHECK (length(version) BETWEEN 1 AND 40),
    published_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX terms_versions_latest ON terms_versions (published_at DESC);
INSERT INTO terms_versions (version, published_at) VALUES ('1', now());

-- Consent records, kept as history: every acceptance of the terms and every newsletter choice adds a row (never updated).
-- The person's current newsletter choice is their latest newsletter row (newsletter_consents keeps the state the
-- campaigns read); their accepted terms version is their latest terms row.
CREATE TABLE consents (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id        uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    kind           text NOT NULL CHECK (kind IN ('terms', 'newsletter')),
    terms_version  text,
    given          boolean NOT NULL,
    source         text NOT NULL CHECK (source IN ('registration', 'preferences', 'unsubscribe_link', 'banner', 'profile')),
    recorded_at    timestamptz NOT NULL DEFAULT now(),
    CHECK ((kind = 'terms') = (terms_version IS NOT NULL)),
    CHECK (kind = 'newsletter' OR given)
);
CREATE INDEX consents_user ON consents (user_id, kind, recorded_at DESC, id DESC);

-- The newsletter choices made before this migration, as their first history rows.
INSERT INTO consents (user_id, kind, given, source, recorded_at)
SELECT user_id, 'newsletter', true, 'preferences', given_at FROM newsletter_consents;
INSERT INTO consents (user_id, kind, given, source, recorded_at)
SELECT user_id, 'newsletter', false, 'preferences', withdrawn_at FROM newsletter_consents WHERE status = 'withdrawn';

-- Followers of a project hear of its phase starts and its decisions (category project_updates_followed).
ALTER TABLE notifications DROP CONSTRAINT notifications_category_check;
ALTER TABLE notifications ADD CONSTRAINT notifications_category_check
    CHECK (category IN ('idea_status_mine', 'idea_status_followed', 'comment_on_my_idea', 'reply_to_my_comment',
                        'new_idea_to_moderate', 'content_hidden', 'mention', 'idea_assigned', 'briefing',
                        'department_summary', 'moderator_digest', 'project_updates_followed'));

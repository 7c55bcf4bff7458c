-- Ideas, comments, reactions, follows, notifications and content moderation.

-- "Trending": net reactions plus half the comments, decayed by age (Hacker News' gravity). Stored on
-- the idea and refreshed in the background; never computed over reactions per request.
CREATE FUNCTION idea_trending(likes integer, dislikes integer, comments integer, created timestamptz, at timestamptz)
RETURNS double precision LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT (greatest(likes - dislikes, 0) + comments * 0.5 + 1)
           / power(greatest(extract(epoch FROM at - created), 0) / 3600.0 + 2, 1.5)
$$;

CREATE TABLE ideas (
    id               uuid PRIMARY KEY,
    project_id       uuid NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    phase_id         uuid REFERENCES phases (id) ON DELETE SET NULL,  -- the phase it was posted in
    author_id        uuid REFERENCES users (id) ON DELETE SET NULL,
    organisation_id  uuid REFERENCES organisations (id) ON DELETE SET NULL,  -- posted on behalf of
    title            text NOT NULL CHECK (length(title) BETWEEN 3 AND 120),
    body             text NOT NULL CHECK (length(body) BETWEEN 1 AND 20000),  -- sanitised HTML
    topics           text[] NOT NULL DEFAULT '{}' CHECK (cardinality(topics) <= 10),
    latitude         double precision CHECK (latitude BETWEEN -90 AND 90),
    longitude        double precision CHECK (longitude BETWEEN -180 AND 180),
    location_label   text CHECK (length(location_label) <= 200),
    status           text NOT NULL DEFAULT 'proposed'
                     CHECK (status IN ('prescreening', 'proposed', 'under_consideration', 'accepted', 'rejected', 'implemented')),
    withdrawn_at     timestamptz,
    hidden_at        timestamptz,
    hidden_reason    text CHECK (length(hidden_reason) <= 1000),
    hidden_by_flags  boolean NOT NULL DEFAULT false,  -- provisional: three residents flagged it
    likes_count      integer NOT NULL DEFAULT 0 CHECK (likes_count >= 0),
    dislikes_count   integer NOT NULL DEFAULT 0 CHECK (dislikes_count >= 0),
    comments_count   integer NOT NULL DEFAULT 0 CHECK (comments_count >= 0),  -- visible comments
    open_flags       integer NOT NULL DEFAULT 0 CHECK (open_flags >= 0),
    trending_score   double precision NOT NULL DEFAULT 0,
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now(),
    edited_at        timestamptz,
    score            integer GENERATED ALWAYS AS (likes_count - dislikes_count) STORED,
    listed           boolean GENERATED ALWAYS AS (status <> 'prescreening' AND hidden_at IS NULL AND withdrawn_at IS NULL) STORED,
    search           tsvector GENERATED ALWAYS AS (
                         to_tsvector('simple', title || ' ' || regexp_replace(body, '<[^>]*>', ' ', 'g'))) STORED,
    CHECK ((latitude IS NULL) = (longitude IS NULL))
);
-- One index per sort order over the listed ideas of a project; keyset pages walk them.
CREATE INDEX ideas_trending ON ideas (project_id, trending_score DESC, id DESC) WHERE listed;
CREATE INDEX ideas_popular ON ideas (project_id, score DESC, id DESC) WHERE listed;
CREATE INDEX ideas_newest ON ideas (project_id, created_at DESC, id DESC) WHERE listed;
CREATE INDEX ideas_commented ON ideas (project_id, comments_count DESC, id DESC) WHERE listed;
CREATE INDEX ideas_topics ON ideas USING gin (topics);
CREATE INDEX ideas_search ON ideas USING gin (search);
CREATE INDEX ideas_location ON ideas (project_id, latitude, longitude) WHERE latitude IS NOT NULL AND listed;
CREATE INDEX ideas_author ON ideas (author_id, created_at DESC);
CREATE INDEX ideas_flagged ON ideas (project_id) WHERE open_flags > 0;
CREATE INDEX ideas_prescreening ON ideas (project_id, created_at) WHERE status = 'prescreening' AND withdrawn_at IS NULL;

-- The status history, with official feedback signed by a service (never by the employee).
CREATE TABLE idea_status_changes (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    idea_id      uuid NOT NULL REFERENCES ideas (id) ON DELETE CASCADE,
    from_status  text,
    to_status    text NOT NULL,
    feedback     text CHECK (length(feedback) <= 5000),
    signed_as    text CHECK (length(signed_as) <= 160),
    changed_by   uuid REFERENCES users (id) ON DELETE SET NULL,  -- audit only, never shown
    created_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX idea_status_changes_idea ON idea_status_changes (idea_id, id);

CREATE TABLE comments (
    id               uuid PRIMARY KEY,
    idea_id          uuid NOT NULL REFERENCES ideas (id) ON DELETE CASCADE,
    parent_id        uuid REFERENCES comments (id) ON DELETE CASCADE,  -- one level: replies to a top-level comment
    author_id        uuid REFERENCES users (id) ON DELETE SET NULL,
    organisation_id  uuid REFERENCES organisations (id) ON DELETE SET NULL,
    body             text NOT NULL CHECK (length(body) <= 5000),
    created_at       timestamptz NOT NULL DEFAULT now(),
    edited_at        timestamptz,
    deleted_at       timestamptz,  -- a placeholder kept because it has replies
    hidden_at        timestamptz,
    hidden_reason    text CHECK (length(hidden_reason) <= 1000),
    hidden_by_flags  boolean NOT NULL DEFAULT false,
    open_flags       integer NOT NULL DEFAULT 0 CHECK (open_flags >= 0),
    replies_count    integer NOT NULL DEFAULT 0 CHECK (replies_count >= 0),  -- visible replies
    CHECK (deleted_at IS NOT NULL OR length(body) >= 1),
    CHECK (parent_id IS NULL OR parent_id <> id)
);
CREATE INDEX comments_top ON comments (idea_id, created_at, id) WHERE parent_id IS NULL;
CREATE INDEX comments_replies ON comments (parent_id, created_at, id) WHERE parent_id IS NOT NULL;
CREATE INDEX comments_author ON comments (author_id);
CREATE INDEX comments_flagged ON comments (idea_id) WHERE open_flags > 0;

CREATE TABLE idea_reactions (
    idea_id     uuid NOT NULL REFERENCES ideas (id) ON DELETE CASCADE,
    user_id     uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    kind        text NOT NULL CHECK (kind IN ('like', 'dislike')),
    phase_id    uuid REFERENCES phases (id) ON DELETE SET NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (idea_id, user_id)
);
CREATE INDEX idea_reactions_user ON idea_reactions (user_id);

CREATE TABLE idea_follows (
    idea_id     uuid NOT NULL REFERENCES ideas (id) ON DELETE CASCADE,
    user_id     uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (idea_id, user_id)
);
CREATE INDEX idea_follows_user ON idea_follows (user_id);

-- Per user and phase: what they used of the phase's limits. Limits are enforced by a conditional
-- upsert on this row (never check-then-insert), so parallel requests cannot exceed them.
CREATE TABLE phase_participants (
    phase_id   uuid NOT NULL REFERENCES phases (id) ON DELETE CASCADE,
    user_id    uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    ideas      integer NOT NULL DEFAULT 0 CHECK (ideas >= 0),
    reactions  integer NOT NULL DEFAULT 0 CHECK (reactions >= 0),
    PRIMARY KEY (phase_id, user_id)
);

-- Staff-only notes on an idea, with @mentions of staff.
CREATE TABLE idea_notes (
    id          uuid PRIMARY KEY,
    idea_id     uuid NOT NULL REFERENCES ideas (id) ON DELETE CASCADE,
    author_id   uuid REFERENCES users (id) ON DELETE SET NULL,
    body        text NOT NULL CHECK (length(body) BETWEEN 1 AND 5000),
    mentions    uuid[] NOT NULL DEFAULT '{}',
    created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX idea_notes_idea ON idea_notes (idea_id, created_at);

-- Residents' flags on an idea (comment_id NULL) or a comment: one per user per item.
CREATE TABLE content_flags (
    id           uuid PRIMARY KEY,
    project_id   uuid NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    idea_id      uuid NOT NULL REFERENCES ideas (id) ON DELETE CASCADE,
    comment_id   uuid REFERENCES comments (id) ON DELETE CASCADE,
    user_id      uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    reason       text NOT NULL CHECK (reason IN ('spam', 'inappropriate', 'other')),
    details      text CHECK (length(details) <= 1000),
    created_at   timestamptz NOT NULL DEFAULT now(),
    resolved_at  timestamptz,
    CONSTRAINT content_flags_once UNIQUE NULLS NOT DISTINCT (user_id, idea_id, comment_id)
);
CREATE INDEX content_flags_open ON content_flags (project_id, created_at) WHERE resolved_at IS NULL;

-- In-app notifications; e-mails are rendered from them in the background and queued in the outbox.
CREATE TABLE notifications (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id      uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    category     text NOT NULL CHECK (category IN ('idea_status_mine', 'idea_status_followed', 'comment_on_my_idea',
                                                   'reply_to_my_comment', 'new_idea_to_moderate', 'content_hidden', 'mention')),
    event_key    text NOT NULL,  -- one notification per user per event, whoever sends it
    project_id   uuid REFERENCES projects (id) ON DELETE CASCADE,
    idea_id      uuid REFERENCES ideas (id) ON DELETE CASCADE,
    comment_id   uuid REFERENCES comments (id) ON DELETE SET NULL,
    data         jsonb NOT NULL DEFAULT '{}'::jsonb,
    email_state  text NOT NULL DEFAULT 'none' CHECK (email_state IN ('none', 'pending', 'queued')),
    created_at   timestamptz NOT NULL DEFAULT now(),
    read_at      timestamptz,
    CONSTRAINT notifications_once UNIQUE (user_id, event_key)
);
CREATE INDEX notifications_user ON notifications (user_id, id DESC);
CREATE INDEX notifications_unread ON notifications (user_id) WHERE read_at IS NULL;
CREATE INDEX notifications_email_pending ON notifications (id) WHERE email_state = 'pending';

-- Per category: 'email' (in-app and e-mail), 'in_app', or 'off'. No row: the category's default.
CREATE TABLE notification_preferences (
    user_id   uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    category  text NOT NULL,
    channel   text NOT NULL CHECK (channel IN ('email', 'in_app', 'off')),
    PRIMARY KEY (user_id, category)
);

-- The project a moderation entry in the audit log is about (heads read their departments' entries already).
CREATE INDEX user_roles_project ON user_roles (project_id, role) WHERE project_id IS NOT NULL;

-- Events with calendars: meetings, walks, workshops of a project (or of the whole platform when project_id is NULL),
-- written by the project's staff, communication managers and admins; residents register, within a capacity, with a
-- waiting list. Counters are moved in the transaction of each registration, under the event's row lock, so that
-- registered_count = count(registered rows) <= capacity whatever the number of parallel requests.
CREATE TABLE calendar_events (
    id                  uuid PRIMARY KEY,
    project_id          uuid REFERENCES projects (id) ON DELETE CASCADE,       -- NULL: a platform-wide event
    title               jsonb NOT NULL,                                        -- {"fr": ..., "nl": ..., "en": ...}
    description         jsonb NOT NULL DEFAULT '{}',                           -- sanitised HTML per language
    starts_at           timestamptz NOT NULL,
    ends_at             timestamptz NOT NULL,
    place_name          text CHECK (length(place_name) <= 200),
    place_address       text CHECK (length(place_address) <= 300),
    latitude            double precision CHECK (latitude BETWEEN -90 AND 90),
    longitude           double precision CHECK (longitude BETWEEN -180 AND 180),
    online_url          text CHECK (length(online_url) <= 500 AND online_url LIKE 'https://%'),
    registration        boolean NOT NULL DEFAULT false,                         -- residents may register
    capacity            integer CHECK (capacity BETWEEN 1 AND 100000),          -- NULL: unlimited
    registered_count    integer NOT NULL DEFAULT 0 CHECK (registered_count >= 0),
    waiting_count       integer NOT NULL DEFAULT 0 CHECK (waiting_count >= 0),
    status              text NOT NULL DEFAULT 'scheduled' CHECK (status IN ('scheduled', 'cancelled')),
    cancelled_at        timestamptz,
    cancellation_reason text CHECK (length(cancellation_reason) <= 1000),
    created_by          uuid REFERENCES users (id) ON DELETE SET NULL,
    created_at          timestamptz NOT NULL DEFAULT now(),
    updated_at          timestamptz NOT NULL DEFAULT now(),
    CHECK (ends_at > starts_at),
    CHECK ((latitude IS NULL) = (longitude IS NULL)),
    CHECK (capacity IS NULL OR registered_count <= capacity)
);

CREATE INDEX calendar_events_by_start ON calendar_events (starts_at, id);
CREATE INDEX calendar_events_by_project ON calendar_events (project_id, starts_at, id);

-- One row per person and event: registered, or waiting (in the order of seq). Cancelling deletes the row.
CREATE TABLE calendar_event_registrations (
    event_id         uuid NOT NULL REFERENCES calendar_events (id) ON DELETE CASCADE,
    user_id          uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    status           text NOT NULL CHECK (status IN ('registered', 'waiting')),
    seq              bigint GENERATED ALWAYS AS IDENTITY,
    created_at       timestamptz NOT NULL DEFAULT now(),
    reminder_sent_at timestamptz,   -- the day-before reminder was queued (in the same transaction as the e-mail)
    PRIMARY KEY (event_id, user_id)
);

CREATE INDEX calendar_event_registrations_queue ON calendar_event_registrations (event_id, status, seq);
CREATE INDEX calendar_event_registrations_by_user ON calendar_event_registrations (user_id);
CREATE INDEX calendar_event_registrations_reminders ON calendar_event_registrations (event_id)
    WHERE status = 'registered' AND reminder_sent_at IS NULL;

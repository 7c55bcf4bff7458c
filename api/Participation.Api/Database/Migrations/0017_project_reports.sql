-- Results reports for the decision maker: one per project, composed by its staff (moderators, the department's heads,
-- admins). The figures and the phases' results are never stored here: the report reads them live from the same queries
-- as the dashboards, so a figure has one value everywhere. What is stored is what people wrote and chose.
CREATE TABLE project_reports (
    project_id   uuid PRIMARY KEY REFERENCES projects (id) ON DELETE CASCADE,
    goals        text NOT NULL DEFAULT '' CHECK (length(goals) <= 20000),        -- sanitised HTML
    conclusions  text NOT NULL DEFAULT '' CHECK (length(conclusions) <= 50000),  -- sanitised HTML
    -- the report's sections shown, in their fixed order
    sections     text[] NOT NULL DEFAULT '{goals,timeline,figures,phases,conclusions}'
                 CHECK (sections <@ '{goals,timeline,figures,phases,conclusions}'::text[]),
    -- the phases whose results are shown (NULL: every phase of the project, new ones included)
    phase_ids    uuid[] CHECK (phase_ids IS NULL OR cardinality(phase_ids) <= 100),
    -- the period of the figures, days in the platform's time zone (NULL: from the first phase's start / up to today)
    period_from  date,
    period_to    date,
    version      integer NOT NULL DEFAULT 1 CHECK (version >= 1),  -- optimistic concurrency: bumped by each save
    updated_at   timestamptz NOT NULL DEFAULT now(),
    updated_by   uuid REFERENCES users (id) ON DELETE SET NULL,
    CHECK (period_from IS NULL OR period_to IS NULL OR period_from <= period_to)
);

-- The home page, edited by admins and communication managers, one per language: a draft (what the editors work on and
-- preview) and a published layout (what everyone sees). Both are the same JSON document (banner, pinned projects, ordered
-- sections), validated by the API; publishing copies the draft. Without a published row the readers get the default
-- language's, else the built-in default layout.
-- version: optimistic concurrency (a save or a publication names the version it read; a stale one is refused).
CREATE TABLE home_pages (
    language      text PRIMARY KEY CHECK (language IN ('fr', 'nl', 'en')),
    draft         jsonb NOT NULL CHECK (jsonb_typeof(draft) = 'object'),
    published     jsonb CHECK (published IS NULL OR jsonb_typeof(published) = 'object'),
    version       integer NOT NULL DEFAULT 1 CHECK (version >= 1),
    updated_by    uuid REFERENCES users (id) ON DELETE SET NULL,
    updated_at    timestamptz NOT NULL DEFAULT now(),
    published_at  timestamptz
);

-- "Latest results and decisions": the newest official answers first.
CREATE INDEX IF NOT EXISTS idea_status_changes_decisions ON idea_status_changes (id DESC)
    WHERE to_status IN ('accepted', 'implemented');

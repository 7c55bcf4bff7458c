-- Embeddable widgets for the city's website: which projects they list, in which language and colours, and which
-- website origins may frame them (the embed page's CSP frame-ancestors). Staff (admins, IT and communication managers)
-- configure them; the embed page at /embed/widgets/{id} shows published content only.
CREATE TABLE widgets (
    id                uuid PRIMARY KEY,
    name              text NOT NULL CHECK (length(name) BETWEEN 1 AND 120),          -- the staff's label, never shown
    selection         text NOT NULL CHECK (selection IN ('current', 'chosen')),
    -- 'chosen': the projects in this order (drafts may be chosen: they show once published); 'current': empty
    project_ids       uuid[] NOT NULL DEFAULT '{}' CHECK (cardinality(project_ids) <= 12),
    max_items         integer NOT NULL CHECK (max_items BETWEEN 1 AND 12),
    language          text NOT NULL CHECK (language IN ('fr', 'nl', 'en')),
    accent_colour     text NOT NULL CHECK (accent_colour ~ '^#[0-9a-f]{6}$'),
    text_colour       text NOT NULL CHECK (text_colour ~ '^#[0-9a-f]{6}$'),
    background_colour text NOT NULL CHECK (background_colour ~ '^#[0-9a-f]{6}$'),
    layout            text NOT NULL CHECK (layout IN ('list', 'cards')),
    width             integer NOT NULL CHECK (width BETWEEN 200 AND 1600),           -- hints for the snippets, in pixels
    height            integer NOT NULL CHECK (height BETWEEN 150 AND 2000),
    -- bare origins (scheme://host[:port], lower case), checked and normalised by the API
    allowed_origins   text[] NOT NULL DEFAULT '{}' CHECK (cardinality(allowed_origins) <= 10),
    created_by        uuid REFERENCES users (id) ON DELETE SET NULL,
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now(),
    CHECK ((selection = 'chosen') = (cardinality(project_ids) > 0))
);
CREATE INDEX widgets_newest ON widgets (created_at DESC, id DESC);

-- Topics and areas (neighbourhoods) kept by admins: projects and ideas are tagged from these lists instead of free text.
-- Names are translated ({"fr": ..., "nl": ..., "en": ...}, French required), unique per language (case-insensitive,
-- archived ones included, so an old client's free-text topic matches one topic at most). An archived topic or area
-- stays on the content tagged with it but is no longer offered. `version` guards edits that race (optimistic).
CREATE TABLE topics (
    id          uuid PRIMARY KEY,
    name        jsonb NOT NULL CHECK (jsonb_typeof(name) = 'object' AND coalesce(name ->> 'fr', '') <> ''),
    description jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(description) = 'object'),
    sort_order  integer NOT NULL DEFAULT 0,
    archived_at timestamptz,
    version     integer NOT NULL DEFAULT 1,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX topics_name_fr_key ON topics (lower(name ->> 'fr'));
CREATE UNIQUE INDEX topics_name_nl_key ON topics (lower(name ->> 'nl')) WHERE name ? 'nl';
CREATE UNIQUE INDEX topics_name_en_key ON topics (lower(name ->> 'en')) WHERE name ? 'en';

-- An area's polygon is GeoJSON (a Polygon or MultiPolygon in WGS84, validated by the API): no PostGIS here.
CREATE TABLE areas (
    id          uuid PRIMARY KEY,
    name        jsonb NOT NULL CHECK (jsonb_typeof(name) = 'object' AND coalesce(name ->> 'fr', '') <> ''),
    description jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(description) = 'object'),
    geometry    jsonb CHECK (geometry IS NULL OR geometry ->> 'type' IN ('Polygon', 'MultiPolygon')),
    sort_order  integer NOT NULL DEFAULT 0,
    archived_at timestamptz,
    version     integer NOT NULL DEFAULT 1,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX areas_name_fr_key ON areas (lower(name ->> 'fr'));
CREATE UNIQUE INDEX areas_name_nl_key ON areas (lower(name ->> 'nl')) WHERE name ? 'nl';
CREATE UNIQUE INDEX areas_name_en_key ON areas (lower(name ->> 'en')) WHERE name ? 'en';

-- The existing free-text topics become the first list (lower-cased, trimmed, as the API always stored them), in
-- alphabetical order, so existing content stays tagged.
INSERT INTO topics (id, name, sort_order)
SELECT gen_random_uuid(), jsonb_build_object('fr', t), (row_number() OVER (ORDER BY t))::integer - 1
  FROM (SELECT DISTINCT lower(btrim(x)) AS t
          FROM (SELECT unnest(topics) AS x FROM projects UNION ALL SELECT unnest(topics) FROM ideas) s
         WHERE btrim(x) <> '') d;

-- Tags: the primary keys serve "the topics of this item", the (topic, item) indexes the filters.
CREATE TABLE project_topics (
    project_id uuid NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    topic_id   uuid NOT NULL REFERENCES topics (id) ON DELETE RESTRICT,
    PRIMARY KEY (project_id, topic_id)
);
CREATE INDEX project_topics_topic ON project_topics (topic_id, project_id);

CREATE TABLE idea_topics (
    idea_id  uuid NOT NULL REFERENCES ideas (id) ON DELETE CASCADE,
    topic_id uuid NOT NULL REFERENCES topics (id) ON DELETE RESTRICT,
    PRIMARY KEY (idea_id, topic_id)
);
CREATE INDEX idea_topics_topic ON idea_topics (topic_id, idea_id);

-- A project may cover several neighbourhoods; an idea is about one place (its area, if any).
CREATE TABLE project_areas (
    project_id uuid NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    area_id    uuid NOT NULL REFERENCES areas (id) ON DELETE RESTRICT,
    PRIMARY KEY (project_id, area_id)
);
CREATE INDEX project_areas_area ON project_areas (area_id, project_id);

ALTER TABLE ideas ADD COLUMN area_id uuid REFERENCES areas (id) ON DELETE RESTRICT;
CREATE INDEX ideas_area ON ideas (area_id, project_id) WHERE area_id IS NOT NULL;

INSERT INTO project_topics (project_id, topic_id)
SELECT DISTINCT p.id, t.id
  FROM projects p CROSS JOIN LATERAL unnest(p.topics) AS x
  JOIN topics t ON lower(t.name ->> 'fr') = lower(btrim(x));

INSERT INTO idea_topics (idea_id, topic_id)
SELECT DISTINCT i.id, t.id
  FROM ideas i CROSS JOIN LATERAL unnest(i.topics) AS x
  JOIN topics t ON lower(t.name ->> 'fr') = lower(btrim(x));

-- The link tables are now the only record of an item's topics.
ALTER TABLE projects DROP COLUMN topics;
ALTER TABLE ideas DROP COLUMN topics;

-- An item's tags in list order (sort order, then French name), for the readers: one call per row inside the reader's
-- own statement (an index lookup on the link table's primary key), never a query per item from the API.
CREATE FUNCTION project_topic_ids(project uuid) RETURNS uuid[] LANGUAGE sql STABLE AS $$
    SELECT coalesce(array_agg(t.id ORDER BY t.sort_order, lower(t.name ->> 'fr')), '{}')
      FROM project_topics pt JOIN topics t ON t.id = pt.topic_id WHERE pt.project_id = project
$$;

-- The names in the reader's language (French when not translated): the `topics` field clients have always read.
CREATE FUNCTION project_topic_names(project uuid, lang text) RETURNS text[] LANGUAGE sql STABLE AS $$
    SELECT coalesce(array_agg(coalesce(t.name ->> lang, t.name ->> 'fr') ORDER BY t.sort_order, lower(t.name ->> 'fr')), '{}')
      FROM project_topics pt JOIN topics t ON t.id = pt.topic_id WHERE pt.project_id = project
$$;

CREATE FUNCTION project_area_ids(project uuid) RETURNS uuid[] LANGUAGE sql STABLE AS $$
    SELECT coalesce(array_agg(a.id ORDER BY a.sort_order, lower(a.name ->> 'fr')), '{}')
      FROM project_areas pa JOIN areas a ON a.id = pa.area_id WHERE pa.project_id = project
$$;

CREATE FUNCTION idea_topic_ids(idea uuid) RETURNS uuid[] LANGUAGE sql STABLE AS $$
    SELECT coalesce(array_agg(t.id ORDER BY t.sort_order, lower(t.name ->> 'fr')), '{}')
      FROM idea_topics it JOIN topics t ON t.id = it.topic_id WHERE it.idea_id = idea
$$;

CREATE FUNCTION idea_topic_names(idea uuid, lang text) RETURNS text[] LANGUAGE sql STABLE AS $$
    SELECT coalesce(array_agg(coalesce(t.name ->> lang, t.name ->> 'fr') ORDER BY t.sort_order, lower(t.name ->> 'fr')), '{}')
      FROM idea_topics it JOIN topics t ON t.id = it.topic_id WHERE it.idea_id = idea
$$;

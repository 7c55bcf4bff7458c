-- Platform settings and branding, kept by admins: identity, colours, languages, map, contact and legal, e-mail sender.
-- A null map or sender value means "the configuration's default" (Map:*, Email:FromName/FromAddress).
-- version: optimistic concurrency (a save names the version it read; a stale one is refused).
ALTER TABLE platform_settings
    ADD COLUMN version                 integer NOT NULL DEFAULT 1,
    ADD COLUMN default_language        text NOT NULL DEFAULT 'fr' CHECK (default_language IN ('fr', 'nl', 'en')),
    ADD COLUMN primary_colour          text NOT NULL DEFAULT '#1d4e89' CHECK (primary_colour ~ '^#[0-9a-f]{6}$'),
    ADD COLUMN text_on_primary_colour  text NOT NULL DEFAULT '#ffffff' CHECK (text_on_primary_colour ~ '^#[0-9a-f]{6}$'),
    ADD COLUMN logo_key                text,
    ADD COLUMN favicon_key             text,
    ADD COLUMN map_latitude            double precision CHECK (map_latitude BETWEEN -90 AND 90),
    ADD COLUMN map_longitude           double precision CHECK (map_longitude BETWEEN -180 AND 180),
    ADD COLUMN map_zoom                integer CHECK (map_zoom BETWEEN 1 AND 19),
    ADD COLUMN map_tile_url            text,
    ADD COLUMN map_attribution         text,
    ADD COLUMN contact_email           text,
    ADD COLUMN legal_name              text,
    ADD COLUMN legal_address           text,
    ADD COLUMN email_from_name         text,
    ADD COLUMN email_from_address      text,
    ADD COLUMN updated_by              uuid, -- no foreign key: the settings row must never be cascaded away
    ADD CONSTRAINT platform_settings_languages CHECK (
        cardinality(languages) BETWEEN 1 AND 3 AND languages <@ ARRAY['fr', 'nl', 'en']
        AND default_language = ANY(languages)),
    ADD CONSTRAINT platform_settings_map_position CHECK (
        (map_latitude IS NULL) = (map_longitude IS NULL) AND (map_latitude IS NULL) = (map_zoom IS NULL));

-- The logo and favicon themselves (small: at most 1 MB and 256 KB), in the database so that every instance serves the
-- same bytes and a change is one transaction. The key ("logo-<random>.png") is what platform_settings points to; its
-- name is the version in the image's URL.
CREATE TABLE platform_images (
    key           text PRIMARY KEY CHECK (key ~ '^(logo|favicon)-[0-9a-f]{32}\.(png|jpg|webp|ico)$'),
    content_type  text NOT NULL,
    content       bytea NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now()
);
-- No foreign key from platform_settings to it (nor to users): a TRUNCATE ... CASCADE of either must never take the settings
-- row with it. The handlers insert the new image, point to it and delete the old one in one transaction.

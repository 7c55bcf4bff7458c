-- Images that staff put into rich texts (project texts, official feedback, reports): stored under a random key, served
-- publicly by that key (/api/v1/media/{key}); who uploaded what and when is kept here (and as a media.image_uploaded event).
CREATE TABLE media (
    key           text PRIMARY KEY CHECK (key ~ '^[0-9a-f]{32}\.(png|jpg|webp)$'),
    content_type  text NOT NULL CHECK (content_type IN ('image/png', 'image/jpeg', 'image/webp')),
    size_bytes    integer NOT NULL CHECK (size_bytes > 0),
    width         integer NOT NULL CHECK (width > 0),
    height        integer NOT NULL CHECK (height > 0),
    uploaded_by   uuid REFERENCES users (id) ON DELETE SET NULL,
    uploaded_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX media_uploaded_by ON media (uploaded_by, uploaded_at DESC);

-- Official feedback and its templates become rich text (sanitised HTML, written with the staff's editor). What was
-- stored as plain text is escaped so that it reads the same as HTML (line breaks are kept by the pages' styles); a text
-- whose escaping would pass the length limit is left as it was.
UPDATE idea_status_changes
   SET feedback = replace(replace(replace(feedback, '&', '&amp;'), '<', '&lt;'), '>', '&gt;')
 WHERE feedback ~ '[&<>]'
   AND length(replace(replace(replace(feedback, '&', '&amp;'), '<', '&lt;'), '>', '&gt;')) <= 5000;
UPDATE feedback_templates
   SET body = replace(replace(replace(body, '&', '&amp;'), '<', '&lt;'), '>', '&gt;')
 WHERE body ~ '[&<>]'
   AND length(replace(replace(replace(body, '&', '&amp;'), '<', '&lt;'), '>', '&gt;')) <= 5000;

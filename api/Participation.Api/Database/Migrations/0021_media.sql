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

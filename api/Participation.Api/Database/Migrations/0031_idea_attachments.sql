-- Photos and PDF documents attached to ideas by their author (or the project's staff). Files live in the file storage
-- under ideas/{idea}/{attachment}(.thumb).{ext}, named by the row's id and kind: images are decoded and encoded anew (no
-- EXIF, hence no GPS position), with a thumbnail; PDFs are kept as sent once they parse. Images need an alt text, PDFs
-- keep their original file name (shown as the link's text). Served through the idea's visibility.
CREATE TABLE idea_attachments (
    id            uuid PRIMARY KEY,
    idea_id       uuid NOT NULL REFERENCES ideas (id) ON DELETE CASCADE,
    kind          text NOT NULL CHECK (kind IN ('image', 'pdf')),
    content_type  text NOT NULL CHECK (content_type IN ('image/png', 'image/jpeg', 'image/webp', 'application/pdf')),
    alt_text      text CHECK (length(alt_text) BETWEEN 1 AND 300),
    file_name     text CHECK (length(file_name) BETWEEN 1 AND 200),
    size_bytes    integer NOT NULL CHECK (size_bytes > 0),
    width         integer CHECK (width > 0),
    height        integer CHECK (height > 0),
    position      integer NOT NULL CHECK (position >= 0),
    uploaded_by   uuid REFERENCES users (id) ON DELETE SET NULL,
    created_at    timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT idea_attachments_image CHECK (
        (kind = 'image') = (alt_text IS NOT NULL AND width IS NOT NULL AND height IS NOT NULL AND content_type <> 'application/pdf')),
    CONSTRAINT idea_attachments_pdf CHECK ((kind = 'pdf') = (file_name IS NOT NULL AND content_type = 'application/pdf')),
    CONSTRAINT idea_attachments_order UNIQUE (idea_id, position) DEFERRABLE INITIALLY DEFERRED
);
CREATE INDEX idea_attachments_uploaded_by ON idea_attachments (uploaded_by) WHERE uploaded_by IS NOT NULL;

-- An idea's attachments in their order, as one JSON array (the idea's page, lists and the change feed read it in the
-- statement that reads the idea: no query per idea).
CREATE FUNCTION idea_attachment_list(p_idea uuid) RETURNS jsonb LANGUAGE sql STABLE AS $$
    SELECT coalesce(jsonb_agg(jsonb_build_object(
               'id', a.id, 'kind', a.kind, 'contentType', a.content_type, 'alt', a.alt_text, 'fileName', a.file_name,
               'sizeBytes', a.size_bytes, 'width', a.width, 'height', a.height) ORDER BY a.position), '[]'::jsonb)
      FROM idea_attachments a
     WHERE a.idea_id = p_idea;
$$;

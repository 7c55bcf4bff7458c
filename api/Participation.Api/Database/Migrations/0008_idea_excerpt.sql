-- Lists show a plain-text excerpt: computed once when the idea is written, not per row of every page.
ALTER TABLE ideas ADD COLUMN excerpt text GENERATED ALWAYS AS (left(regexp_replace(body, '<[^>]*>', ' ', 'g'), 400)) STORED;

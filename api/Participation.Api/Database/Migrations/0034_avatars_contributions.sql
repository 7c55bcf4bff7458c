-- Profiles (issue 17, second part): avatars, "my contributions" and public profiles.

-- A person's avatar: a square picture (256 px) decoded and encoded anew by the image pipeline (no EXIF), stored in the
-- file storage under avatars/{key} and served to everyone by that random key (a new picture gets a new key, so the old
-- URL can be cached for ever). Kept on the person's row: lists of ideas and comments read it with the author's name, in
-- the join they already make. Removed (row and file) when the person deletes their account.
ALTER TABLE users ADD COLUMN avatar_key text COLLATE "C" UNIQUE CHECK (avatar_key ~ '^[0-9a-f]{32}\.(png|jpg|webp)$');

-- "My contributions" and a public profile read a person's rows newest first, one keyset page at a time.
-- (replaces comments_author, which it covers)
DROP INDEX comments_author;
CREATE INDEX comments_author_newest ON comments (author_id, created_at DESC, id DESC);
CREATE INDEX idea_votes_user_newest ON idea_votes (user_id, created_at DESC);
CREATE INDEX baskets_user ON baskets (user_id, created_at DESC);

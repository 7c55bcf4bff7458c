-- Profiles (issue 17): comment likes, project follows.

-- One like per person per comment (primary key). The comment's counter is moved by a trigger in the same statement as
-- the row, so it equals count(*) whatever removes likes: an unlike, or a cascade when a person's account is deleted.
ALTER TABLE comments ADD COLUMN likes_count integer NOT NULL DEFAULT 0 CHECK (likes_count >= 0);
CREATE TABLE comment_likes (
    comment_id  uuid NOT NULL REFERENCES comments (id) ON DELETE CASCADE,
    user_id     uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (comment_id, user_id)
);
CREATE INDEX comment_likes_user ON comment_likes (user_id, created_at DESC, comment_id);
-- "Most liked" top-level comments of an idea: keyset on (likes_count, id) descending. "Newest" reads comments_top backwards.
CREATE INDEX comments_top_liked ON comments (idea_id, likes_count DESC, id DESC) WHERE parent_id IS NULL;

CREATE FUNCTION comment_likes_count() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        UPDATE comments SET likes_count = likes_count + 1 WHERE id = NEW.comment_id;
    ELSE
        UPDATE comments SET likes_count = likes_count - 1 WHERE id = OLD.comment_id;
    END IF;
    RETURN NULL;
END
$$;
CREATE TRIGGER comment_likes_count AFTER INSERT OR DELETE ON comment_likes
    FOR EACH ROW EXECUTE FUNCTION comment_likes_count();

-- Following a project (the person's list of followed projects; notifications to followers are still to come).
CREATE TABLE project_follows (
    project_id  uuid NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    user_id     uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (project_id, user_id)
);
CREATE INDEX project_follows_user ON project_follows (user_id, created_at DESC, project_id);

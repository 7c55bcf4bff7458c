-- The moderators' ideas manager: who on the project's staff answers an idea (its assignee), and the project's official
-- feedback templates.

-- The staff member responsible for answering the idea; the assignment goes when the account does.
ALTER TABLE ideas ADD COLUMN assignee_id uuid REFERENCES users (id) ON DELETE SET NULL;
CREATE INDEX ideas_assignee ON ideas (project_id, assignee_id);
-- The manager lists every idea of a project (pre-moderated, hidden and withdrawn ones too), newest or oldest first.
CREATE INDEX ideas_manage_created ON ideas (project_id, created_at, id);

-- Official feedback texts the project's staff keep, per status (NULL: for any status). Plain text, like feedback.
CREATE TABLE feedback_templates (
    id          uuid PRIMARY KEY,
    project_id  uuid NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    status      text CHECK (status IN ('proposed', 'under_consideration', 'accepted', 'rejected', 'implemented')),
    title       text NOT NULL CHECK (length(title) BETWEEN 1 AND 120),
    body        text NOT NULL CHECK (length(body) BETWEEN 1 AND 5000),
    created_by  uuid REFERENCES users (id) ON DELETE SET NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX feedback_templates_title ON feedback_templates (project_id, lower(title));

-- The assignee hears of an assignment (in-app by default).
ALTER TABLE notifications DROP CONSTRAINT notifications_category_check;
ALTER TABLE notifications ADD CONSTRAINT notifications_category_check
    CHECK (category IN ('idea_status_mine', 'idea_status_followed', 'comment_on_my_idea', 'reply_to_my_comment',
                        'new_idea_to_moderate', 'content_hidden', 'mention', 'idea_assigned'));

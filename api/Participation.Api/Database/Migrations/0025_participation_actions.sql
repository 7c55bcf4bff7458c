-- Participation actions, kept narrow for the figures (FigureDefinitions.Actions): one row per action a person took — an
-- idea posted, a comment posted, a reaction, a vote, a basket submitted, a survey or poll response submitted — with who,
-- when and where. The figures read every action of a scope and period; gathering them from the six tables they live in
-- (ideas are wide rows: body, search vector…) took most of a platform's figures at a million ideas.
--
-- The rows are kept by triggers on those tables, in the transaction that writes the action, whoever writes it (a
-- handler, a cascade when a user, project or phase is deleted, a job): a table kept by every writer by hand would drift
-- the first time one forgets. Updates fire only when a column the action is made of changes (likes counters and trending
-- scores, rewritten in bulk, fire nothing).
--
-- The definition (what counts, written once): ideas with an author; comments with an author, in the phase of their idea's
-- project running when they were posted (phases never overlap: at most one; recomputed when a phase's dates change);
-- reactions; votes; baskets once submitted; survey responses once submitted by a signed-in person. Withdrawn, hidden or
-- soft-deleted content still counts (the action was taken); a row deleted for good, or whose author is erased, does not.
CREATE TABLE participation_actions (
    kind        text NOT NULL CHECK (kind IN ('idea', 'comment', 'reaction', 'vote', 'basket', 'response')),
    source_id   uuid NOT NULL,  -- the idea, comment, basket or response; for a reaction or a vote, its idea
    user_id     uuid NOT NULL,
    at          timestamptz NOT NULL,
    project_id  uuid NOT NULL,
    phase_id    uuid
);
CREATE INDEX participation_actions_scope ON participation_actions (project_id, at) INCLUDE (kind, user_id, phase_id);
CREATE INDEX participation_actions_source ON participation_actions (source_id, kind);

-- The phase of a project running at a moment (NULL: none).
CREATE FUNCTION participation_phase_at(project uuid, moment timestamptz) RETURNS uuid
    LANGUAGE sql STABLE AS $$
    SELECT ph.id FROM phases ph
     WHERE ph.project_id = project AND ph.starts_at <= moment AND (ph.ends_at IS NULL OR ph.ends_at > moment)
     LIMIT 1
$$;

CREATE FUNCTION participation_actions_ideas() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        DELETE FROM participation_actions WHERE source_id = OLD.id AND kind = 'idea';
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.author_id IS NOT NULL THEN
        INSERT INTO participation_actions (kind, source_id, user_id, at, project_id, phase_id)
        VALUES ('idea', NEW.id, NEW.author_id, NEW.created_at, NEW.project_id, NEW.phase_id);
    END IF;
    IF TG_OP = 'UPDATE' AND NEW.project_id IS DISTINCT FROM OLD.project_id THEN
        -- An idea moved to another project takes its reactions and comments with it.
        UPDATE participation_actions SET project_id = NEW.project_id WHERE source_id = NEW.id AND kind = 'reaction';
        UPDATE participation_actions a SET project_id = NEW.project_id, phase_id = participation_phase_at(NEW.project_id, a.at)
          FROM comments c WHERE c.idea_id = NEW.id AND a.source_id = c.id AND a.kind = 'comment';
    END IF;
    RETURN NULL;
END
$$;
CREATE TRIGGER participation_actions_insert AFTER INSERT ON ideas
    FOR EACH ROW EXECUTE FUNCTION participation_actions_ideas();
CREATE TRIGGER participation_actions_update AFTER UPDATE OF author_id, created_at, project_id, phase_id ON ideas
    FOR EACH ROW WHEN (OLD.author_id IS DISTINCT FROM NEW.author_id OR OLD.created_at IS DISTINCT FROM NEW.created_at
                       OR OLD.project_id IS DISTINCT FROM NEW.project_id OR OLD.phase_id IS DISTINCT FROM NEW.phase_id)
    EXECUTE FUNCTION participation_actions_ideas();
CREATE TRIGGER participation_actions_delete AFTER DELETE ON ideas
    FOR EACH ROW EXECUTE FUNCTION participation_actions_ideas();

CREATE FUNCTION participation_actions_comments() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        DELETE FROM participation_actions WHERE source_id = OLD.id AND kind = 'comment';
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.author_id IS NOT NULL THEN
        INSERT INTO participation_actions (kind, source_id, user_id, at, project_id, phase_id)
        SELECT 'comment', NEW.id, NEW.author_id, NEW.created_at, i.project_id, participation_phase_at(i.project_id, NEW.created_at)
          FROM ideas i WHERE i.id = NEW.idea_id;
    END IF;
    RETURN NULL;
END
$$;
CREATE TRIGGER participation_actions_insert AFTER INSERT ON comments
    FOR EACH ROW EXECUTE FUNCTION participation_actions_comments();
CREATE TRIGGER participation_actions_update AFTER UPDATE OF author_id, created_at, idea_id ON comments
    FOR EACH ROW WHEN (OLD.author_id IS DISTINCT FROM NEW.author_id OR OLD.created_at IS DISTINCT FROM NEW.created_at
                       OR OLD.idea_id IS DISTINCT FROM NEW.idea_id)
    EXECUTE FUNCTION participation_actions_comments();
CREATE TRIGGER participation_actions_delete AFTER DELETE ON comments
    FOR EACH ROW EXECUTE FUNCTION participation_actions_comments();

CREATE FUNCTION participation_actions_reactions() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        DELETE FROM participation_actions WHERE source_id = OLD.idea_id AND kind = 'reaction' AND user_id = OLD.user_id;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        INSERT INTO participation_actions (kind, source_id, user_id, at, project_id, phase_id)
        SELECT 'reaction', NEW.idea_id, NEW.user_id, NEW.created_at, i.project_id, NEW.phase_id FROM ideas i WHERE i.id = NEW.idea_id;
    END IF;
    RETURN NULL;
END
$$;
CREATE TRIGGER participation_actions_insert AFTER INSERT ON idea_reactions
    FOR EACH ROW EXECUTE FUNCTION participation_actions_reactions();
CREATE TRIGGER participation_actions_update AFTER UPDATE OF idea_id, user_id, created_at, phase_id ON idea_reactions
    FOR EACH ROW WHEN (OLD.idea_id IS DISTINCT FROM NEW.idea_id OR OLD.user_id IS DISTINCT FROM NEW.user_id
                       OR OLD.created_at IS DISTINCT FROM NEW.created_at OR OLD.phase_id IS DISTINCT FROM NEW.phase_id)
    EXECUTE FUNCTION participation_actions_reactions();
CREATE TRIGGER participation_actions_delete AFTER DELETE ON idea_reactions
    FOR EACH ROW EXECUTE FUNCTION participation_actions_reactions();

CREATE FUNCTION participation_actions_votes() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        DELETE FROM participation_actions
         WHERE source_id = OLD.idea_id AND kind = 'vote' AND user_id = OLD.user_id AND phase_id = OLD.phase_id;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        INSERT INTO participation_actions (kind, source_id, user_id, at, project_id, phase_id)
        SELECT 'vote', NEW.idea_id, NEW.user_id, NEW.created_at, ph.project_id, NEW.phase_id FROM phases ph WHERE ph.id = NEW.phase_id;
    END IF;
    RETURN NULL;
END
$$;
CREATE TRIGGER participation_actions_insert AFTER INSERT ON idea_votes
    FOR EACH ROW EXECUTE FUNCTION participation_actions_votes();
CREATE TRIGGER participation_actions_update AFTER UPDATE ON idea_votes
    FOR EACH ROW WHEN (OLD.* IS DISTINCT FROM NEW.*) EXECUTE FUNCTION participation_actions_votes();
CREATE TRIGGER participation_actions_delete AFTER DELETE ON idea_votes
    FOR EACH ROW EXECUTE FUNCTION participation_actions_votes();

CREATE FUNCTION participation_actions_baskets() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        DELETE FROM participation_actions WHERE source_id = OLD.id AND kind = 'basket';
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.submitted_at IS NOT NULL THEN
        INSERT INTO participation_actions (kind, source_id, user_id, at, project_id, phase_id)
        SELECT 'basket', NEW.id, NEW.user_id, NEW.submitted_at, ph.project_id, NEW.phase_id FROM phases ph WHERE ph.id = NEW.phase_id;
    END IF;
    RETURN NULL;
END
$$;
CREATE TRIGGER participation_actions_insert AFTER INSERT ON baskets
    FOR EACH ROW EXECUTE FUNCTION participation_actions_baskets();
CREATE TRIGGER participation_actions_update AFTER UPDATE OF submitted_at, user_id, phase_id ON baskets
    FOR EACH ROW WHEN (OLD.submitted_at IS DISTINCT FROM NEW.submitted_at OR OLD.user_id IS DISTINCT FROM NEW.user_id
                       OR OLD.phase_id IS DISTINCT FROM NEW.phase_id)
    EXECUTE FUNCTION participation_actions_baskets();
CREATE TRIGGER participation_actions_delete AFTER DELETE ON baskets
    FOR EACH ROW EXECUTE FUNCTION participation_actions_baskets();

CREATE FUNCTION participation_actions_responses() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        DELETE FROM participation_actions WHERE source_id = OLD.id AND kind = 'response';
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.status = 'submitted' AND NEW.user_id IS NOT NULL THEN
        INSERT INTO participation_actions (kind, source_id, user_id, at, project_id, phase_id)
        SELECT 'response', NEW.id, NEW.user_id, NEW.submitted_at, ph.project_id, NEW.phase_id FROM phases ph WHERE ph.id = NEW.phase_id;
    END IF;
    RETURN NULL;
END
$$;
CREATE TRIGGER participation_actions_insert AFTER INSERT ON survey_responses
    FOR EACH ROW EXECUTE FUNCTION participation_actions_responses();
CREATE TRIGGER participation_actions_update AFTER UPDATE OF status, submitted_at, user_id, phase_id ON survey_responses
    FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.submitted_at IS DISTINCT FROM NEW.submitted_at
                       OR OLD.user_id IS DISTINCT FROM NEW.user_id OR OLD.phase_id IS DISTINCT FROM NEW.phase_id)
    EXECUTE FUNCTION participation_actions_responses();
CREATE TRIGGER participation_actions_delete AFTER DELETE ON survey_responses
    FOR EACH ROW EXECUTE FUNCTION participation_actions_responses();

-- A phase added, moved or removed changes which phase the project's comments were posted in.
CREATE FUNCTION participation_actions_phases() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    project uuid := CASE WHEN TG_OP = 'DELETE' THEN OLD.project_id ELSE NEW.project_id END;
BEGIN
    UPDATE participation_actions a SET phase_id = participation_phase_at(project, a.at)
     WHERE a.project_id = project AND a.kind = 'comment' AND a.phase_id IS DISTINCT FROM participation_phase_at(project, a.at);
    IF TG_OP = 'UPDATE' AND OLD.project_id IS DISTINCT FROM NEW.project_id THEN
        UPDATE participation_actions a SET phase_id = participation_phase_at(OLD.project_id, a.at)
         WHERE a.project_id = OLD.project_id AND a.kind = 'comment';
    END IF;
    RETURN NULL;
END
$$;
CREATE TRIGGER participation_actions_insert AFTER INSERT ON phases
    FOR EACH ROW EXECUTE FUNCTION participation_actions_phases();
CREATE TRIGGER participation_actions_update AFTER UPDATE OF starts_at, ends_at, project_id ON phases
    FOR EACH ROW WHEN (OLD.starts_at IS DISTINCT FROM NEW.starts_at OR OLD.ends_at IS DISTINCT FROM NEW.ends_at
                       OR OLD.project_id IS DISTINCT FROM NEW.project_id)
    EXECUTE FUNCTION participation_actions_phases();
CREATE TRIGGER participation_actions_delete AFTER DELETE ON phases
    FOR EACH ROW EXECUTE FUNCTION participation_actions_phases();

-- What was there before this table.
INSERT INTO participation_actions (kind, source_id, user_id, at, project_id, phase_id)
SELECT 'idea', i.id, i.author_id, i.created_at, i.project_id, i.phase_id FROM ideas i WHERE i.author_id IS NOT NULL
UNION ALL
SELECT 'comment', c.id, c.author_id, c.created_at, i.project_id, ph.id
  FROM comments c JOIN ideas i ON i.id = c.idea_id
  LEFT JOIN phases ph ON ph.project_id = i.project_id AND ph.starts_at <= c.created_at
                     AND (ph.ends_at IS NULL OR ph.ends_at > c.created_at)
 WHERE c.author_id IS NOT NULL
UNION ALL
SELECT 'reaction', r.idea_id, r.user_id, r.created_at, i.project_id, r.phase_id FROM idea_reactions r JOIN ideas i ON i.id = r.idea_id
UNION ALL
SELECT 'vote', v.idea_id, v.user_id, v.created_at, ph.project_id, v.phase_id FROM idea_votes v JOIN phases ph ON ph.id = v.phase_id
UNION ALL
SELECT 'basket', b.id, b.user_id, b.submitted_at, ph.project_id, b.phase_id
  FROM baskets b JOIN phases ph ON ph.id = b.phase_id WHERE b.submitted_at IS NOT NULL
UNION ALL
SELECT 'response', s.id, s.user_id, s.submitted_at, ph.project_id, s.phase_id
  FROM survey_responses s JOIN phases ph ON ph.id = s.phase_id WHERE s.status = 'submitted' AND s.user_id IS NOT NULL;

-- The figures also read every idea of a scope (when it was posted, whether it is listed, its status and phase): from an
-- index that carries them, instead of the wide rows scattered over the table (a department's ideas took seconds).
-- It replaces the ideas manager's index on the same key.
CREATE INDEX ideas_figures ON ideas (project_id, created_at, id) INCLUDE (listed, status, phase_id);
DROP INDEX ideas_manage_created;

-- A campaign's "participants in a project" are the figures' participants (0024 gathered them from the six tables with
-- its own reading, in which an unsubmitted basket counted): one definition for both.
CREATE OR REPLACE FUNCTION campaign_segment(kind text, project uuid, roles text[]) RETURNS TABLE (user_id uuid)
LANGUAGE sql STABLE AS $$
    SELECT u.id
      FROM users u
      JOIN newsletter_consents nc ON nc.user_id = u.id AND nc.status = 'given'
     WHERE u.email_confirmed_at IS NOT NULL
       AND CASE kind
           WHEN 'newsletter' THEN true
           WHEN 'project_participants' THEN u.id IN (
               SELECT pa.user_id FROM participation_actions pa WHERE pa.project_id = project)
           WHEN 'project_followers' THEN u.id IN (
               SELECT f.user_id FROM idea_follows f JOIN ideas i ON i.id = f.idea_id WHERE i.project_id = project)
           WHEN 'staff_roles' THEN u.id IN (SELECT ur.user_id FROM user_roles ur WHERE ur.role = ANY (roles))
           ELSE false
           END;
$$;

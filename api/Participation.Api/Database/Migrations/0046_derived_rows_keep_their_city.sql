-- Issue 19: the rows the participation_actions triggers derive take the city of the row that caused them (NEW.city_id),
-- not the session's: a connection whose session names no city, or another one (the owner's, which row-level security
-- does not restrict: migrations, seeds, the bench's set-based loads), still files each action under its own city. Under
-- the API's role both are the same (a row of another city cannot be written), so nothing changes for the API.

CREATE OR REPLACE FUNCTION participation_actions_ideas() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        DELETE FROM participation_actions WHERE source_id = OLD.id AND kind = 'idea';
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.author_id IS NOT NULL THEN
        INSERT INTO participation_actions (city_id, kind, source_id, user_id, at, project_id, phase_id)
        VALUES (NEW.city_id, 'idea', NEW.id, NEW.author_id, NEW.created_at, NEW.project_id, NEW.phase_id);
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

CREATE OR REPLACE FUNCTION participation_actions_comments() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        DELETE FROM participation_actions WHERE source_id = OLD.id AND kind = 'comment';
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.author_id IS NOT NULL THEN
        INSERT INTO participation_actions (city_id, kind, source_id, user_id, at, project_id, phase_id)
        SELECT NEW.city_id, 'comment', NEW.id, NEW.author_id, NEW.created_at, i.project_id, participation_phase_at(i.project_id, NEW.created_at)
          FROM ideas i WHERE i.id = NEW.idea_id;
    END IF;
    RETURN NULL;
END
$$;

CREATE OR REPLACE FUNCTION participation_actions_reactions() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        DELETE FROM participation_actions WHERE source_id = OLD.idea_id AND kind = 'reaction' AND user_id = OLD.user_id;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        INSERT INTO participation_actions (city_id, kind, source_id, user_id, at, project_id, phase_id)
        SELECT NEW.city_id, 'reaction', NEW.idea_id, NEW.user_id, NEW.created_at, i.project_id, NEW.phase_id FROM ideas i WHERE i.id = NEW.idea_id;
    END IF;
    RETURN NULL;
END
$$;

CREATE OR REPLACE FUNCTION participation_actions_votes() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        DELETE FROM participation_actions
         WHERE source_id = OLD.idea_id AND kind = 'vote' AND user_id = OLD.user_id AND phase_id = OLD.phase_id;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        INSERT INTO participation_actions (city_id, kind, source_id, user_id, at, project_id, phase_id)
        SELECT NEW.city_id, 'vote', NEW.idea_id, NEW.user_id, NEW.created_at, ph.project_id, NEW.phase_id FROM phases ph WHERE ph.id = NEW.phase_id;
    END IF;
    RETURN NULL;
END
$$;

CREATE OR REPLACE FUNCTION participation_actions_baskets() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        DELETE FROM participation_actions WHERE source_id = OLD.id AND kind = 'basket';
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.submitted_at IS NOT NULL THEN
        INSERT INTO participation_actions (city_id, kind, source_id, user_id, at, project_id, phase_id)
        SELECT NEW.city_id, 'basket', NEW.id, NEW.user_id, NEW.submitted_at, ph.project_id, NEW.phase_id FROM phases ph WHERE ph.id = NEW.phase_id;
    END IF;
    RETURN NULL;
END
$$;

CREATE OR REPLACE FUNCTION participation_actions_responses() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        DELETE FROM participation_actions WHERE source_id = OLD.id AND kind = 'response';
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.status = 'submitted' AND NEW.user_id IS NOT NULL THEN
        INSERT INTO participation_actions (city_id, kind, source_id, user_id, at, project_id, phase_id)
        SELECT NEW.city_id, 'response', NEW.id, NEW.user_id, NEW.submitted_at, ph.project_id, NEW.phase_id FROM phases ph WHERE ph.id = NEW.phase_id;
    END IF;
    RETURN NULL;
END
$$;

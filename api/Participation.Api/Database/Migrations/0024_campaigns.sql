-- E-mail campaigns (newsletters) by communication managers and admins, and residents' newsletter consent.

-- A resident's newsletter consent: opt-in only (never presumed), with the date it was given and, once withdrawn, the date
-- of the last withdrawal. The history of every change is in the events (newsletter.consent_given / consent_withdrawn).
CREATE TABLE newsletter_consents (
    user_id       uuid PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    status        text NOT NULL CHECK (status IN ('given', 'withdrawn')),
    given_at      timestamptz NOT NULL DEFAULT now(),
    withdrawn_at  timestamptz,
    CHECK (status = 'given' OR withdrawn_at IS NOT NULL)
);
CREATE INDEX newsletter_consents_given ON newsletter_consents (user_id) WHERE status = 'given';

-- A campaign: one subject and one sanitised rich-text body in one language, sent to a segment. The segment is a kind
-- with its parameters (a project, roles); a new kind (e.g. an area) adds a value here, a parameter column and a branch
-- in campaign_segment().
CREATE TABLE campaigns (
    id                  uuid PRIMARY KEY,
    subject             text NOT NULL CHECK (length(subject) BETWEEN 1 AND 200),
    body_html           text NOT NULL CHECK (length(body_html) BETWEEN 1 AND 100000),
    language            text NOT NULL CHECK (language IN ('fr', 'nl', 'en')),
    segment_kind        text NOT NULL CHECK (segment_kind IN ('newsletter', 'project_participants', 'project_followers',
                                                              'staff_roles')),
    segment_project_id  uuid REFERENCES projects (id) ON DELETE RESTRICT,
    segment_roles       text[] NOT NULL DEFAULT '{}',
    status              text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'scheduled', 'sent', 'cancelled')),
    scheduled_at        timestamptz,
    sent_at             timestamptz,
    recipients_count    integer,
    tests_sent          integer NOT NULL DEFAULT 0,
    created_by          uuid REFERENCES users (id) ON DELETE SET NULL,
    created_at          timestamptz NOT NULL DEFAULT now(),
    updated_at          timestamptz NOT NULL DEFAULT now(),
    CHECK ((segment_kind IN ('project_participants', 'project_followers')) = (segment_project_id IS NOT NULL)),
    CHECK ((segment_kind = 'staff_roles') = (cardinality(segment_roles) > 0)),
    CHECK (status IN ('draft', 'cancelled') OR scheduled_at IS NOT NULL)
);
CREATE INDEX campaigns_due ON campaigns (scheduled_at, id) WHERE status = 'scheduled';
CREATE INDEX campaigns_list ON campaigns (created_at DESC, id DESC);

-- The frozen recipient set of a sent campaign: one row per person (the primary key: each recipient once, whatever the
-- number of senders), written set-based when the campaign is sent, with the hash of the person's unsubscribe token.
-- Its e-mail is the outbox row whose dedup_key is 'campaign:{campaign_id}:{user_id}'.
CREATE TABLE campaign_recipients (
    campaign_id  uuid NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
    user_id      uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    token_hash   bytea NOT NULL,
    PRIMARY KEY (campaign_id, user_id)
);
CREATE UNIQUE INDEX campaign_recipients_token ON campaign_recipients (token_hash);

-- Who a segment reaches, now: the one definition used by the preview (its count and sample) and by the send (the frozen
-- set), so the count previewed is the count sent when nothing changed in between. Every segment is within the residents
-- who consented to the newsletter and confirmed their address; the kind narrows it.
-- Participants of a project: authors of its ideas or comments, people who reacted to or voted for its ideas, filled a
-- basket or submitted a survey in one of its phases. Followers of a project: people who follow one of its ideas.
CREATE FUNCTION campaign_segment(kind text, project uuid, roles text[]) RETURNS TABLE (user_id uuid)
LANGUAGE sql STABLE AS $$
    SELECT u.id
      FROM users u
      JOIN newsletter_consents nc ON nc.user_id = u.id AND nc.status = 'given'
     WHERE u.email_confirmed_at IS NOT NULL
       AND CASE kind
           WHEN 'newsletter' THEN true
           WHEN 'project_participants' THEN u.id IN (
               SELECT i.author_id FROM ideas i WHERE i.project_id = project AND i.author_id IS NOT NULL
               UNION ALL
               SELECT c.author_id FROM comments c JOIN ideas i ON i.id = c.idea_id WHERE i.project_id = project
               UNION ALL
               SELECT r.user_id FROM idea_reactions r JOIN ideas i ON i.id = r.idea_id WHERE i.project_id = project
               UNION ALL
               SELECT v.user_id FROM idea_votes v JOIN phases ph ON ph.id = v.phase_id WHERE ph.project_id = project
               UNION ALL
               SELECT b.user_id FROM baskets b JOIN phases ph ON ph.id = b.phase_id WHERE ph.project_id = project
               UNION ALL
               SELECT s.user_id FROM survey_responses s JOIN phases ph ON ph.id = s.phase_id
                WHERE ph.project_id = project AND s.status = 'submitted')
           WHEN 'project_followers' THEN u.id IN (
               SELECT f.user_id FROM idea_follows f JOIN ideas i ON i.id = f.idea_id WHERE i.project_id = project)
           WHEN 'staff_roles' THEN u.id IN (SELECT ur.user_id FROM user_roles ur WHERE ur.role = ANY (roles))
           ELSE false
           END;
$$;

-- Onboarding per role (issue 19, item 4). The checklists are computed from what the platform holds (departments,
-- invitations, pages, widgets, phases, ...): nothing here records an item as done. What is stored is the person's own
-- choice, per role, to put their onboarding away (shown at first login until then), and each project's setup answers.

CREATE TABLE onboarding_dismissals (
    user_id       uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    role          text NOT NULL CHECK (role IN ('admin', 'department_head', 'project_moderator',
                                                'communication_manager', 'it_manager', 'elected_official')),
    dismissed_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (user_id, role)
);

-- A new project's setup checklist, from the source text's reminders: which decision process it feeds, its key dates,
-- the goals shared with the public, its stakeholders. Plain text written by its staff (encoded on output); one row per
-- project once someone saved it (no row: every answer empty, version 0).
CREATE TABLE project_setups (
    project_id        uuid PRIMARY KEY REFERENCES projects (id) ON DELETE CASCADE,
    decision_process  text NOT NULL DEFAULT '' CHECK (length(decision_process) <= 2000),
    key_dates         text NOT NULL DEFAULT '' CHECK (length(key_dates) <= 2000),
    public_goals      text NOT NULL DEFAULT '' CHECK (length(public_goals) <= 2000),
    stakeholders      text NOT NULL DEFAULT '' CHECK (length(stakeholders) <= 2000),
    version           integer NOT NULL DEFAULT 1 CHECK (version >= 1),
    updated_at        timestamptz NOT NULL DEFAULT now(),
    updated_by        uuid REFERENCES users (id) ON DELETE SET NULL
);

-- The checklists' look-ups that no existing index serves: an accepted invitation of a role, and an answered idea (a status
-- change or official feedback, not the first status given at submission) of a moderator's project.
CREATE INDEX invitations_accepted_role ON invitations (role, accepted_at) WHERE accepted_at IS NOT NULL;
CREATE INDEX idea_status_changes_answered ON idea_status_changes (idea_id) WHERE from_status IS NOT NULL OR feedback IS NOT NULL;

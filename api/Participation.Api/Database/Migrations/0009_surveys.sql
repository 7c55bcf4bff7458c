-- Surveys and polls: one questionnaire per survey or poll phase, its sections (pages), questions and options;
-- responses (one per person, or per browser token when anonymous answers are allowed) and their answers,
-- one row per value so that results are aggregated in SQL.

-- The questionnaire of a phase. `version` moves with every saved change (optimistic concurrency between
-- moderators); `responses` counts submitted responses and is moved in the transaction of each submission,
-- which also locks this row, so "edit freely until the first response" cannot race a first submission.
CREATE TABLE surveys (
    phase_id    uuid PRIMARY KEY REFERENCES phases (id) ON DELETE CASCADE,
    project_id  uuid NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    version     integer NOT NULL DEFAULT 1 CHECK (version >= 1),
    responses   integer NOT NULL DEFAULT 0 CHECK (responses >= 0),
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX surveys_project ON surveys (project_id);

-- Pages of a survey, in order; a survey without pages has one section without a title.
CREATE TABLE survey_sections (
    id           uuid PRIMARY KEY,
    phase_id     uuid NOT NULL REFERENCES surveys (phase_id) ON DELETE CASCADE,
    position     integer NOT NULL CHECK (position >= 0),
    title        jsonb NOT NULL DEFAULT '{}'::jsonb CHECK (jsonb_typeof(title) = 'object'),
    description  jsonb NOT NULL DEFAULT '{}'::jsonb CHECK (jsonb_typeof(description) = 'object'),
    CONSTRAINT survey_sections_position UNIQUE (phase_id, position) DEFERRABLE INITIALLY DEFERRED
);

CREATE TABLE survey_questions (
    id          uuid PRIMARY KEY,
    phase_id    uuid NOT NULL REFERENCES surveys (phase_id) ON DELETE CASCADE,
    section_id  uuid NOT NULL REFERENCES survey_sections (id) ON DELETE CASCADE,
    position    integer NOT NULL CHECK (position >= 0),  -- across the whole survey
    type        text NOT NULL CHECK (type IN ('single_choice', 'multiple_choice', 'short_text', 'long_text',
                                              'linear_scale', 'number', 'ranking', 'map_point')),
    title       jsonb NOT NULL CHECK (jsonb_typeof(title) = 'object' AND title ? 'fr'),
    help        jsonb NOT NULL DEFAULT '{}'::jsonb CHECK (jsonb_typeof(help) = 'object'),
    required    boolean NOT NULL DEFAULT false,
    -- Type-specific rules (min/max selections, allow other, max length, scale points and end labels,
    -- number range), validated by the builder against the type.
    settings    jsonb NOT NULL DEFAULT '{}'::jsonb CHECK (jsonb_typeof(settings) = 'object'),
    CONSTRAINT survey_questions_position UNIQUE (phase_id, position) DEFERRABLE INITIALLY DEFERRED
);
CREATE INDEX survey_questions_section ON survey_questions (section_id);

-- Choices of single/multiple choice and ranking questions.
CREATE TABLE survey_options (
    id           uuid PRIMARY KEY,
    question_id  uuid NOT NULL REFERENCES survey_questions (id) ON DELETE CASCADE,
    position     integer NOT NULL CHECK (position >= 0),
    label        jsonb NOT NULL CHECK (jsonb_typeof(label) = 'object' AND label ? 'fr'),
    CONSTRAINT survey_options_position UNIQUE (question_id, position) DEFERRABLE INITIALLY DEFERRED
);

-- One response per person per survey (or per browser token for anonymous answers, kept hashed).
-- A draft belongs to a signed-in person only; a poll's response stays changeable while its phase is open.
CREATE TABLE survey_responses (
    id            uuid PRIMARY KEY,
    phase_id      uuid NOT NULL REFERENCES surveys (phase_id) ON DELETE CASCADE,
    user_id       uuid REFERENCES users (id) ON DELETE SET NULL,
    token_hash    bytea,
    status        text NOT NULL CHECK (status IN ('draft', 'submitted')),
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now(),
    submitted_at  timestamptz,
    CHECK ((status = 'submitted') = (submitted_at IS NOT NULL)),
    CHECK (status = 'submitted' OR user_id IS NOT NULL),
    CONSTRAINT survey_responses_one_per_person UNIQUE (phase_id, user_id),
    CONSTRAINT survey_responses_one_per_token UNIQUE (phase_id, token_hash)
);
CREATE INDEX survey_responses_submitted ON survey_responses (phase_id, submitted_at, id) WHERE status = 'submitted';
CREATE INDEX survey_responses_user ON survey_responses (user_id) WHERE user_id IS NOT NULL;

-- The values of an answer: one row per chosen option (with its rank for ranking questions), or one row
-- carrying the text, the number or the point; an "other" choice is a row without option and with text.
CREATE TABLE survey_answers (
    response_id  uuid NOT NULL REFERENCES survey_responses (id) ON DELETE CASCADE,
    question_id  uuid NOT NULL REFERENCES survey_questions (id) ON DELETE CASCADE,
    option_id    uuid REFERENCES survey_options (id) ON DELETE CASCADE,
    rank         integer CHECK (rank IS NULL OR rank >= 1),
    number       numeric(18, 6),
    text         text CHECK (text IS NULL OR length(text) <= 10000),
    latitude     double precision CHECK (latitude IS NULL OR latitude BETWEEN -90 AND 90),
    longitude    double precision CHECK (longitude IS NULL OR longitude BETWEEN -180 AND 180),
    CHECK ((latitude IS NULL) = (longitude IS NULL)),
    CONSTRAINT survey_answers_one_value UNIQUE NULLS NOT DISTINCT (response_id, question_id, option_id)
);
CREATE INDEX survey_answers_question ON survey_answers (question_id, option_id);

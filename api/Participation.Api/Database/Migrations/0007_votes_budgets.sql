-- Votes and participatory budgets: states that must never exist are ruled out by constraints.

-- What an idea costs when it is offered in a participatory budget (set by the project's staff).
ALTER TABLE ideas ADD COLUMN cost numeric(14, 2) CHECK (cost IS NULL OR cost >= 0);

-- Votes used by each person in a voting phase (taken by a conditional upsert, like ideas and reactions).
ALTER TABLE phase_participants ADD COLUMN votes integer NOT NULL DEFAULT 0 CHECK (votes >= 0);

-- One vote per person per idea and phase.
CREATE TABLE idea_votes (
    phase_id    uuid NOT NULL REFERENCES phases (id) ON DELETE CASCADE,
    idea_id     uuid NOT NULL REFERENCES ideas (id) ON DELETE CASCADE,
    user_id     uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (phase_id, idea_id, user_id)
);
CREATE INDEX idea_votes_user ON idea_votes (phase_id, user_id);

-- The count per idea and phase, moved in the transaction of each vote.
CREATE TABLE vote_tallies (
    phase_id  uuid NOT NULL REFERENCES phases (id) ON DELETE CASCADE,
    idea_id   uuid NOT NULL REFERENCES ideas (id) ON DELETE CASCADE,
    votes     integer NOT NULL DEFAULT 0 CHECK (votes >= 0),
    PRIMARY KEY (phase_id, idea_id)
);
CREATE INDEX vote_tallies_ranking ON vote_tallies (phase_id, votes DESC, idea_id);

-- One basket per person per phase; its total is the sum of its lines and never exceeds its budget.
CREATE TABLE baskets (
    id            uuid PRIMARY KEY,
    phase_id      uuid NOT NULL REFERENCES phases (id) ON DELETE CASCADE,
    user_id       uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    budget        numeric(14, 2) NOT NULL CHECK (budget > 0),  -- the phase's budget, kept in step with it
    total         numeric(14, 2) NOT NULL DEFAULT 0 CHECK (total >= 0),
    items         integer NOT NULL DEFAULT 0 CHECK (items >= 0),
    submitted_at  timestamptz,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT baskets_one_per_phase UNIQUE (phase_id, user_id),
    CONSTRAINT baskets_within_budget CHECK (total <= budget)
);
CREATE INDEX baskets_submitted ON baskets (phase_id) WHERE submitted_at IS NOT NULL;

CREATE TABLE basket_lines (
    basket_id  uuid NOT NULL REFERENCES baskets (id) ON DELETE CASCADE,
    idea_id    uuid NOT NULL REFERENCES ideas (id) ON DELETE CASCADE,
    cost       numeric(14, 2) NOT NULL CHECK (cost >= 0),  -- the idea's cost when added
    added_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (basket_id, idea_id)
);
CREATE INDEX basket_lines_idea ON basket_lines (idea_id);

-- Idempotency-Key: the first response to a key is kept and replayed for the same request; another
-- request with the same key is refused. Keys are the caller's own and expire after a day.
CREATE TABLE idempotency_keys (
    user_id        uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    key            text NOT NULL CHECK (length(key) BETWEEN 1 AND 200),
    request_hash   bytea NOT NULL,
    status_code    integer,
    content_type   text,
    location       text,
    response_body  bytea,
    created_at     timestamptz NOT NULL DEFAULT now(),
    completed_at   timestamptz,
    PRIMARY KEY (user_id, key)
);
CREATE INDEX idempotency_keys_created ON idempotency_keys (created_at);

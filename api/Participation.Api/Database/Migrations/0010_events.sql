-- One record of what happened. Every state change writes one row here, in the transaction that makes the change;
-- the audit log, notifications and (later) the change feed, webhooks and briefings read it.
--
-- position: the order rows were written in (an identity: unique and increasing, but a transaction that took a
--           smaller position may commit after one that took a larger one).
-- tx_id:    the writing transaction's id. A reader that follows (tx_id, position) and only reads rows whose tx_id is
--           below the oldest transaction still running (pg_snapshot_xmin of its snapshot) never skips a row that
--           commits later: every transaction below that horizon has finished, every later one gets a larger id.
CREATE TABLE events (
    position      bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tx_id         xid8 NOT NULL DEFAULT pg_current_xact_id(),
    occurred_at   timestamptz NOT NULL DEFAULT now(),
    type          text NOT NULL,
    actor_type    text NOT NULL,
    actor_id      uuid REFERENCES users (id) ON DELETE SET NULL,
    subject_type  text NOT NULL,
    subject_id    text NOT NULL,
    project_id    uuid,
    phase_id      uuid,
    department_id uuid,
    before        jsonb,
    after         jsonb,
    data          jsonb NOT NULL DEFAULT '{}'::jsonb,
    audited       boolean NOT NULL
);
CREATE INDEX events_follow ON events (tx_id, position);
CREATE INDEX events_type ON events (type, position DESC);
CREATE INDEX events_subject ON events (subject_type, subject_id, position DESC);
CREATE INDEX events_actor ON events (actor_id, position DESC) WHERE actor_id IS NOT NULL;
CREATE INDEX events_department ON events (department_id, position DESC) WHERE department_id IS NOT NULL;
CREATE INDEX events_project ON events (project_id, position DESC) WHERE project_id IS NOT NULL;
CREATE INDEX events_occurred ON events (occurred_at DESC, position DESC);
CREATE INDEX events_audited ON events (position DESC) WHERE audited;

-- Where each consumer that follows the events has got to (its checkpoint), moved in the transaction of its work.
CREATE TABLE event_checkpoints (
    consumer   text PRIMARY KEY,
    tx_id      xid8 NOT NULL DEFAULT '0'::xid8,
    position   bigint NOT NULL DEFAULT 0,
    updated_at timestamptz NOT NULL DEFAULT now()
);

-- The audit log's rows become the first events (their data kept as the event's data); the table becomes a view of
-- the audited events, with its former columns, for whoever reads it with SQL (nothing writes it any more).
INSERT INTO events (occurred_at, type, actor_type, actor_id, subject_type, subject_id, project_id, department_id, data, audited)
SELECT a.occurred_at, a.action, 'user', a.actor_id, coalesce(a.target_type, 'platform'), coalesce(a.target_id, ''),
       CASE WHEN a.target_type = 'project' THEN a.target_id::uuid
            WHEN a.data ? 'projectId' AND a.data ->> 'projectId' ~ '^[0-9a-f-]{36}$' THEN (a.data ->> 'projectId')::uuid END,
       a.department_id, a.data, true
  FROM audit_log a
 ORDER BY a.id;

DROP TABLE audit_log;
CREATE VIEW audit_log WITH (security_barrier) AS
SELECT position AS id, occurred_at, actor_id, type AS action, subject_type AS target_type, subject_id AS target_id,
       department_id, data
  FROM events
 WHERE audited;

-- Exports for staff: ideas, comments, reactions, votes, baskets, survey responses or participants of a scope (a project,
-- a department, the platform) and an optional period, as CSV or XLSX. A request is queued here; the background job
-- claims it (FOR UPDATE SKIP LOCKED and a lease, so one instance writes it however many run), re-checks the
-- requester's rights, streams the rows into a stored file while moving rows_done, and marks it ready until expires_at,
-- after which the file is deleted (status expired). Requesting and downloading are audited events.
CREATE TABLE exports (
    id                uuid PRIMARY KEY,
    requested_by      uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    kind              text NOT NULL CHECK (kind IN ('ideas', 'comments', 'reactions', 'votes', 'baskets', 'survey_responses',
                                                    'participants')),
    format            text NOT NULL CHECK (format IN ('csv', 'xlsx')),
    scope_type        text NOT NULL CHECK (scope_type IN ('platform', 'department', 'project')),
    scope_id          uuid,
    period_from       timestamptz,  -- included
    period_to         timestamptz,  -- excluded
    language          text NOT NULL CHECK (language IN ('fr', 'nl', 'en')),  -- of the headers and names
    status            text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running', 'ready', 'failed', 'expired')),
    rows_done         bigint NOT NULL DEFAULT 0 CHECK (rows_done >= 0),
    rows_total        bigint CHECK (rows_total >= 0),  -- counted when the job starts (the progress bar's end)
    with_emails       boolean NOT NULL DEFAULT false,  -- participants with their e-mail (the requester was an admin)
    file_key          text,
    size_bytes        bigint CHECK (size_bytes >= 0),
    error             text CHECK (error IN ('access_revoked', 'failed')),
    attempts          integer NOT NULL DEFAULT 0,
    locked_until      timestamptz,  -- the lease of the instance writing it, moved with the progress
    created_at        timestamptz NOT NULL DEFAULT now(),
    started_at        timestamptz,
    finished_at       timestamptz,
    expires_at        timestamptz,
    downloaded_count  integer NOT NULL DEFAULT 0 CHECK (downloaded_count >= 0),
    CHECK ((scope_type = 'platform') = (scope_id IS NULL)),
    CHECK (period_from IS NULL OR period_to IS NULL OR period_from < period_to),
    CHECK ((status = 'ready') = (file_key IS NOT NULL)),
    CHECK (status <> 'ready' OR (expires_at IS NOT NULL AND size_bytes IS NOT NULL)),
    CHECK ((status = 'failed') = (error IS NOT NULL))
);
CREATE INDEX exports_mine ON exports (requested_by, created_at DESC, id DESC);
CREATE INDEX exports_queue ON exports (created_at, id) WHERE status IN ('queued', 'running');
CREATE INDEX exports_expiring ON exports (expires_at) WHERE status = 'ready';

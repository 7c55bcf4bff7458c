-- Rate limits shared by every API instance (issue 18, several instances): one row per limited key (policy and caller),
-- its count of requests in the current fixed window and the window's end. A window starts at the key's first request
-- after the previous one ended (as ASP.NET's in-memory fixed windows did); times are the database's, so instances with
-- drifting clocks agree. One statement per limited request (INSERT ... ON CONFLICT DO UPDATE ... RETURNING); no index
-- beside the key, so the updates stay HOT. Ended windows are deleted by a background job (RateLimitCleanup).
-- UNLOGGED: counters are worth no WAL; after a crash of the database they start again from zero, which only forgives.
CREATE UNLOGGED TABLE rate_limit_counters (
    key            text        PRIMARY KEY,
    hits           integer     NOT NULL,
    window_ends_at timestamptz NOT NULL
);

-- Issue 19, found by the isolation proof (tests/.../Tenancy/RowLevelIsolationTests.cs): the audit_log view (0010) ran with
-- its owner's rights, and the owner is not subject to row-level security, so the API's role read every city's audited
-- events through it, even with no city set. With security_invoker (PostgreSQL 15) the view reads events as its reader,
-- under the city policy like every table.
ALTER VIEW audit_log SET (security_invoker = true);

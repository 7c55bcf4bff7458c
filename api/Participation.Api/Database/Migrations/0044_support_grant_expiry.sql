-- Issue 19, support with consent: a grant that simply ends is closed by a periodic job (SupportExpiry) as a revocation
-- is, the support users' admin role taken back and the end recorded once (support.expired). expired_at says the job
-- has done so (null: not yet, or the grant is still running or was revoked).
ALTER TABLE support_grants ADD COLUMN expired_at timestamptz;

-- The grants whose end the job has still to record: few at any time.
CREATE INDEX support_grants_to_expire ON support_grants (city_id, ends_at) WHERE revoked_at IS NULL AND expired_at IS NULL;

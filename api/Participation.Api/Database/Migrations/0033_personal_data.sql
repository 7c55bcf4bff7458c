-- A person's own data (GDPR): self-service exports of everything the platform holds about them, and account deletion.
--
-- Deletion moves what must stay counted (ideas, comments, reactions, votes, baskets, survey responses...) to a new
-- "former participant" account with a fresh random id, deletes the rest and then the person's row: the person's id and
-- e-mail address are left nowhere. deleted_at marks those former-participant accounts (no e-mail is ever sent to them:
-- their address is a reserved .invalid one, and they cannot sign in: their password is random and never shown).
ALTER TABLE users ADD COLUMN deleted_at timestamptz;

-- Exports of one person's data, written in the background into a zip (index.html + data.json); downloadable by that
-- person only until expires_at, then the file is deleted. One queued at a time per person.
CREATE TABLE personal_data_exports (
    id           uuid PRIMARY KEY,
    user_id      uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    status       text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'ready', 'failed', 'expired')),
    language     text NOT NULL CHECK (language IN ('fr', 'nl', 'en')),
    file_key     text,
    size_bytes   bigint,
    created_at   timestamptz NOT NULL DEFAULT now(),
    finished_at  timestamptz,
    expires_at   timestamptz,
    CHECK ((status = 'ready') = (file_key IS NOT NULL))
);
CREATE INDEX personal_data_exports_user ON personal_data_exports (user_id, created_at DESC);
CREATE UNIQUE INDEX personal_data_exports_one_queued ON personal_data_exports (user_id) WHERE status = 'queued';
CREATE INDEX personal_data_exports_queued ON personal_data_exports (created_at) WHERE status = 'queued';

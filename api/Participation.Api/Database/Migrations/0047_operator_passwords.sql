-- Issue 19, the vendor's console: a person of the console chooses their own password. Someone added (or given a new
-- password) by an operator signs in with a password another person knows, so they must replace it before anything else
-- (password_change_required). credentials_version is carried by their tokens: a change of password refuses every token
-- issued before it, at once.
ALTER TABLE operators ADD COLUMN credentials_version integer NOT NULL DEFAULT 1 CHECK (credentials_version > 0),
                      ADD COLUMN password_change_required boolean NOT NULL DEFAULT false;

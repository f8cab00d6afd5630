-- Lookups on the hot paths by index (each has an EXPLAIN QUERY PLAN test): the duplicate check by SHA-256, a
-- period's status and current versions, a user's rejected bytes of the day.
CREATE INDEX upload_by_sha256 ON upload (sha256, id);
CREATE INDEX upload_by_period_unit ON upload (period, unit, id);
CREATE INDEX upload_by_user_time ON upload (uploaded_by, uploaded_at);
CREATE INDEX submission_current_by_period ON submission (period, unit) WHERE is_current = 1;

-- Whether the attempt's bytes were kept: a file that is no workbook at all is kept only when small, and a user's
-- rejected attempts only up to a daily quota. SHA-256, size and findings are always kept.
ALTER TABLE upload ADD COLUMN original_kept INTEGER NOT NULL DEFAULT 1 CHECK (original_kept IN (0, 1));

-- Several API keys per user, each with a name, revocable. Only the SHA-256 of a key is stored.
CREATE TABLE api_key (
    id           INTEGER PRIMARY KEY,
    user_id      INTEGER NOT NULL REFERENCES app_user (id),
    name         TEXT NOT NULL,
    token_hash   TEXT NOT NULL UNIQUE,
    created_at   TEXT NOT NULL,
    last_used_at TEXT,
    revoked_at   TEXT
);
CREATE INDEX api_key_by_user ON api_key (user_id);
INSERT INTO api_key (user_id, name, token_hash, created_at)
    SELECT id, 'första nyckeln', token_hash, created_at FROM app_user;
-- app_user.token_hash is no longer read (SQLite cannot drop a UNIQUE column); new users get a placeholder.
UPDATE app_user SET token_hash = 'moved-to-api-key:' || id;

-- People sign in with a name and password (Argon2id, PHC string); a one-time password must be changed at first use.
-- A deactivated user's sessions and keys stop working at once.
ALTER TABLE app_user ADD COLUMN password_hash TEXT;
ALTER TABLE app_user ADD COLUMN must_change_password INTEGER NOT NULL DEFAULT 0 CHECK (must_change_password IN (0, 1));
ALTER TABLE app_user ADD COLUMN active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1));

-- Server-side sessions for the web pages; the cookie holds a random id, the table only its SHA-256. They live in
-- the database so a restart keeps people signed in (and several instances share them).
CREATE TABLE web_session (
    id_hash      TEXT PRIMARY KEY,
    user_id      INTEGER NOT NULL REFERENCES app_user (id),
    csrf         TEXT NOT NULL,
    created_at   TEXT NOT NULL,
    last_seen_at TEXT NOT NULL
);
CREATE INDEX web_session_by_user ON web_session (user_id);

-- Failed sign-ins per account ('user:<name>') and per client address ('ip:<address>').
CREATE TABLE login_throttle (
    key             TEXT PRIMARY KEY,
    failures        INTEGER NOT NULL,
    last_failure_at TEXT NOT NULL,
    locked_until    TEXT
);

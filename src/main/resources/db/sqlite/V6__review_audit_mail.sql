-- The review round (issue 11): finance approves or returns each unit's report for a period. No row: nothing
-- accepted yet ("saknas"). The state names the version it was decided on; a new accepted version makes it
-- 'inlamnad' again, except that an approved report takes no new version until finance reopens it.
CREATE TABLE review (
    unit          TEXT NOT NULL,
    period        TEXT NOT NULL REFERENCES period (code),
    state         TEXT NOT NULL CHECK (state IN ('inlamnad', 'atersand', 'godkand', 'ateroppnad')),
    submission_id INTEGER REFERENCES submission (id),   -- the version approved, returned or (inlamnad) submitted
    changed_by    TEXT NOT NULL,
    changed_at    TEXT NOT NULL,
    PRIMARY KEY (unit, period)
) WITHOUT ROWID;

-- The thread per unit and period: submissions (with the controller's optional message), approvals, returns
-- (with finance's message) and reopenings, oldest first.
CREATE TABLE review_message (
    id            INTEGER PRIMARY KEY,
    unit          TEXT NOT NULL,
    period        TEXT NOT NULL,
    at            TEXT NOT NULL,
    author        TEXT NOT NULL,
    action        TEXT NOT NULL CHECK (action IN ('submitted', 'approved', 'returned', 'reopened')),
    submission_id INTEGER REFERENCES submission (id),
    version       INTEGER,
    message       TEXT
);
CREATE INDEX review_message_by_unit_period ON review_message (period, unit, id);

-- The audit log: append-only, enforced by the database itself.
CREATE TABLE audit_event (
    id            INTEGER PRIMARY KEY,
    at            TEXT NOT NULL,
    actor         TEXT NOT NULL,     -- the user's name; for a failed sign-in the name that was tried
    via           TEXT NOT NULL,     -- 'webb', 'nyckel: <key name>', 'kommandorad'
    address       TEXT,              -- the client's address, when over the network
    kind          TEXT NOT NULL,
    unit          TEXT,
    period        TEXT,
    submission_id INTEGER,
    version       INTEGER,
    upload_id     INTEGER,
    detail        TEXT
);
CREATE INDEX audit_by_time ON audit_event (at, id);
CREATE INDEX audit_by_period_unit ON audit_event (period, unit, id);
CREATE TRIGGER audit_event_no_update BEFORE UPDATE ON audit_event
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;
CREATE TRIGGER audit_event_no_delete BEFORE DELETE ON audit_event
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;

-- E-mail: an address per user; finance users may opt in to a notice when a unit submits.
ALTER TABLE app_user ADD COLUMN email TEXT;
ALTER TABLE app_user ADD COLUMN notify_submissions INTEGER NOT NULL DEFAULT 0 CHECK (notify_submissions IN (0, 1));

-- Reminders sent, so none goes twice for the same unit, period, reminder and person, also across restarts.
CREATE TABLE reminder_sent (
    period  TEXT NOT NULL,
    unit    TEXT NOT NULL,
    kind    TEXT NOT NULL,           -- e.g. 'before-5', 'before-1', 'after-1'
    user_id INTEGER NOT NULL REFERENCES app_user (id),
    sent_at TEXT NOT NULL,
    PRIMARY KEY (period, unit, kind, user_id)
) WITHOUT ROWID;

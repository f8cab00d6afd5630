-- Users and their bearer tokens. Only a SHA-256 of each token is kept; the token is shown once.
CREATE TABLE app_user (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL UNIQUE,
    role        TEXT NOT NULL CHECK (role IN ('controller', 'finance', 'admin')),
    token_hash  TEXT NOT NULL UNIQUE,
    created_at  TEXT NOT NULL
);

-- The units a controller may download templates and upload for.
CREATE TABLE user_unit (
    user_id INTEGER NOT NULL REFERENCES app_user (id),
    unit    TEXT NOT NULL,
    PRIMARY KEY (user_id, unit)
) WITHOUT ROWID;

-- Every upload attempt, rejected ones too, with the exact bytes uploaded.
CREATE TABLE upload (
    id            INTEGER PRIMARY KEY,
    kind          TEXT NOT NULL CHECK (kind IN ('submission', 'budget')),
    uploaded_by   TEXT NOT NULL,
    uploaded_at   TEXT NOT NULL,
    file_name     TEXT,
    size          INTEGER NOT NULL,
    sha256        TEXT NOT NULL,
    outcome       TEXT NOT NULL CHECK (outcome IN ('accepted', 'accepted_with_warnings', 'rejected', 'unchanged', 'forbidden')),
    unit          TEXT,              -- as the workbook's metadata says, when it could be read
    period        TEXT,
    format        TEXT,
    submission_id INTEGER REFERENCES submission (id),
    original      BLOB NOT NULL
);
CREATE INDEX upload_by_unit_period ON upload (unit, period, id);

-- What the rules found in an upload, in order.
CREATE TABLE finding (
    upload_id INTEGER NOT NULL REFERENCES upload (id),
    seq       INTEGER NOT NULL,
    severity  TEXT NOT NULL CHECK (severity IN ('error', 'warning')),
    sheet     TEXT,
    cell      TEXT,
    line      TEXT,
    col       TEXT,
    rule      TEXT NOT NULL,
    message   TEXT NOT NULL,
    PRIMARY KEY (upload_id, seq)
) WITHOUT ROWID;

-- Which upload an accepted version came from, and the template versions it was read with ("resultat:1,...").
ALTER TABLE submission ADD COLUMN upload_id INTEGER REFERENCES upload (id);
ALTER TABLE submission ADD COLUMN templates TEXT;

-- The budget finance loaded for a year: per unit, template, line and column (BUDGET_AR, BUDGET_T1, BUDGET_T2).
CREATE TABLE budget (
    year      INTEGER NOT NULL,
    unit      TEXT NOT NULL,
    template  TEXT NOT NULL,
    line      TEXT NOT NULL,
    col       TEXT NOT NULL,
    amount_kr INTEGER NOT NULL,
    PRIMARY KEY (year, unit, template, line, col)
) WITHOUT ROWID;

CREATE TABLE budget_load (
    year      INTEGER PRIMARY KEY,
    upload_id INTEGER NOT NULL REFERENCES upload (id),
    loaded_at TEXT NOT NULL,
    loaded_by TEXT NOT NULL
);

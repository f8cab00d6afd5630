-- Reporting periods: 2022-T2 etc. Uploads are accepted while open; finance locks them.
CREATE TABLE period (
    code        TEXT PRIMARY KEY CHECK (code GLOB '[0-9][0-9][0-9][0-9]-T[1-3]'),
    deadline    TEXT NOT NULL,                       -- ISO date
    state       TEXT NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'locked')),
    created_at  TEXT NOT NULL                        -- ISO instant (UTC)
);

-- An accepted submission: one version of a unit's figures for a period. Rejected attempts never get here.
CREATE TABLE submission (
    id          INTEGER PRIMARY KEY,
    unit        TEXT NOT NULL,
    period      TEXT NOT NULL REFERENCES period (code),
    version     INTEGER NOT NULL CHECK (version >= 1),
    status      TEXT NOT NULL CHECK (status IN ('accepted', 'accepted_with_warnings')),
    is_current  INTEGER NOT NULL CHECK (is_current IN (0, 1)),
    accepted_at TEXT NOT NULL,
    UNIQUE (unit, period, version)
);
CREATE UNIQUE INDEX submission_one_current ON submission (unit, period) WHERE is_current = 1;

-- Facts: exact amounts in whole kronor, addressed by template, line and column codes.
CREATE TABLE fact (
    submission_id INTEGER NOT NULL REFERENCES submission (id),
    template      TEXT NOT NULL,
    sheet         TEXT NOT NULL,
    line          TEXT NOT NULL,
    col           TEXT NOT NULL,
    amount_kr     INTEGER NOT NULL,
    PRIMARY KEY (submission_id, template, line, col)
) WITHOUT ROWID;

-- The unit's analysis per line (KOMMENTAR column).
CREATE TABLE line_comment (
    submission_id INTEGER NOT NULL REFERENCES submission (id),
    template      TEXT NOT NULL,
    line          TEXT NOT NULL,
    text          TEXT NOT NULL,
    PRIMARY KEY (submission_id, template, line)
) WITHOUT ROWID;

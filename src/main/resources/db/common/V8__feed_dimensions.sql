-- The names the OData feed publishes beside the codes (issue 26), from the organisation and the template specs,
-- refreshed at start when they differ: the feed's filters and sort orders on names run in SQL like those on codes.
CREATE TABLE feed_unit (
    code       TEXT PRIMARY KEY,
    name       TEXT NOT NULL,
    namnd      TEXT NOT NULL,
    namnd_name TEXT NOT NULL,
    grp        TEXT NOT NULL,
    templates  TEXT NOT NULL,
    position   INTEGER NOT NULL
);
CREATE TABLE feed_line (
    template TEXT NOT NULL,
    line     TEXT NOT NULL,
    label    TEXT NOT NULL,
    position INTEGER NOT NULL,
    PRIMARY KEY (template, line)
);
CREATE TABLE feed_column (
    template TEXT NOT NULL,
    col      TEXT NOT NULL,
    label    TEXT NOT NULL,
    position INTEGER NOT NULL,
    PRIMARY KEY (template, col)
);
-- One audit event per API key and day of feed reads, across instances.
CREATE TABLE feed_read (
    key_id BIGINT NOT NULL,
    day    TEXT NOT NULL,
    PRIMARY KEY (key_id, day)
);

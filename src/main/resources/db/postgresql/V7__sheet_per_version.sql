-- The data sheet a template was read from, once per version and template: it was stored beside each of the
-- version's facts (108 rows for one Resultat sheet), and no query reads it per fact.
CREATE TABLE submission_sheet (
    submission_id BIGINT NOT NULL REFERENCES submission (id),
    template      TEXT NOT NULL,
    sheet         TEXT NOT NULL,
    PRIMARY KEY (submission_id, template)
);
INSERT INTO submission_sheet (submission_id, template, sheet)
    SELECT submission_id, template, MIN(sheet) FROM fact GROUP BY submission_id, template;
ALTER TABLE fact DROP COLUMN sheet;

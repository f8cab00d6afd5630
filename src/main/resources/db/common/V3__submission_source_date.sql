-- When the figures of a version were made: the workbook's own save date for history loaded in bulk, the upload time
-- otherwise. A version older than the current one is kept but does not become current.
ALTER TABLE submission ADD COLUMN source_date TEXT;
UPDATE submission SET source_date = accepted_at;

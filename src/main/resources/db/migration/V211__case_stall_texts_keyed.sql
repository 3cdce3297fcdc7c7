-- What a stalled step needs and what is true instead, as message keys with their arguments (a JSON array of texts),
-- so the monitoring center words them in its reader's language. The English texts stay for the API and for rows
-- recorded before: a row without keys is shown as it was written.
ALTER TABLE case_stall
    ADD COLUMN expected_key  VARCHAR(80),
    ADD COLUMN expected_args JSONB,
    ADD COLUMN actual_key    VARCHAR(80),
    ADD COLUMN actual_args   JSONB;

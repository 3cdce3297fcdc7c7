-- A timeline entry and a sourcing decision's reason keep their text as a message key and typed arguments (JSON, see
-- common.StoredMessage), worded when read in the reader's language and time zone. The text column stays: the
-- English wording, for rows written before (they have no key and are shown as stored), logs and search.
ALTER TABLE case_timeline
    ADD COLUMN text_key  VARCHAR(120),
    ADD COLUMN text_args JSONB,
    ADD CONSTRAINT case_timeline_text_key_args CHECK ((text_key IS NULL) = (text_args IS NULL));

ALTER TABLE sourcing_decision
    ADD COLUMN reason_key  VARCHAR(120),
    ADD COLUMN reason_args JSONB,
    ADD CONSTRAINT sourcing_decision_reason_key_args CHECK ((reason_key IS NULL) = (reason_args IS NULL));

-- Faxed fault reports (传真) are recorded by agents with their own channel.
ALTER TABLE rma_case DROP CONSTRAINT rma_case_channel_check;
ALTER TABLE rma_case ADD CONSTRAINT rma_case_channel_check
    CHECK (channel IN ('HOTLINE', 'FAX', 'EMAIL', 'WEB', 'API'));

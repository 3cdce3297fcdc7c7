-- A scan is now recorded with its answer in one insert, the last statement of its transaction (ScanEventLog), and
-- takes its id first from a block of ids its node took from the sequence (ScanIds): the sequence counts in blocks.
-- The next block starts above every id given so far.
ALTER SEQUENCE scan_event_seq INCREMENT BY 50;
-- No row is updated any more (the claim's row used to be updated with the answer in place, V225): fill the pages.
ALTER TABLE scan_event SET (fillfactor = 100);

-- A scan's row is inserted when the scan claims its clientScanId and updated with the answer in the same transaction
-- (ScanEventLog). The answer changes no indexed column when it names the board the code named, so PostgreSQL can
-- write it as a heap-only tuple in the same page, without new index entries, if the page has room: leave room.
ALTER TABLE scan_event SET (fillfactor = 50);

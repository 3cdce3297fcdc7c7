-- A reservation claims the oldest AVAILABLE board of a part at a depot (ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED):
-- in id order from this index, it reads one entry instead of sorting every AVAILABLE board of the part there
-- (hundreds per depot at a million boards). Only moves into and out of AVAILABLE maintain it.
CREATE INDEX board_available_claim_idx ON board (part_number, location_code, id) WHERE status = 'AVAILABLE';

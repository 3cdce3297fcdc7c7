-- A case can be cancelled: terminal like CLOSED, with who, when and why. Its open lines are cancelled with it (their
-- serials may be reported again: case_line_open_serial_idx already leaves cancelled lines out); a line whose spare was
-- already on its way keeps spare_returning until that spare is back in stock at its depot.
ALTER TABLE rma_case ADD COLUMN cancelled_at TIMESTAMPTZ;
ALTER TABLE rma_case ADD COLUMN cancelled_by VARCHAR(60);
ALTER TABLE rma_case ADD COLUMN cancel_reason VARCHAR(1000);
ALTER TABLE rma_case ADD CONSTRAINT rma_case_cancelled_check
    CHECK ((state = 'CANCELLED') = (cancelled_at IS NOT NULL AND cancel_reason IS NOT NULL));
ALTER TABLE case_line ADD COLUMN spare_returning BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE case_line ADD CONSTRAINT case_line_spare_returning_check
    CHECK (NOT spare_returning OR (state = 'CANCELLED' AND spare_serial IS NOT NULL));
CREATE INDEX case_line_spare_returning_idx ON case_line (spare_serial) WHERE spare_returning;

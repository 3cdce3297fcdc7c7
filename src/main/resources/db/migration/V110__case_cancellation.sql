-- A case can be cancelled: terminal like CLOSED (the serial may be reported again), with who, when and why; a spare
-- already on its way stays named in returning_spare until it is back in stock at its depot.
ALTER TABLE rma_case ADD COLUMN cancelled_at TIMESTAMPTZ;
ALTER TABLE rma_case ADD COLUMN cancelled_by VARCHAR(60);
ALTER TABLE rma_case ADD COLUMN cancel_reason VARCHAR(1000);
ALTER TABLE rma_case ADD COLUMN returning_spare VARCHAR(40);
ALTER TABLE rma_case ADD CONSTRAINT rma_case_cancelled_check
    CHECK ((state = 'CANCELLED') = (cancelled_at IS NOT NULL AND cancel_reason IS NOT NULL));
ALTER TABLE rma_case ADD CONSTRAINT rma_case_returning_spare_check
    CHECK (returning_spare IS NULL OR state = 'CANCELLED');

DROP INDEX rma_case_open_serial_idx;
CREATE UNIQUE INDEX rma_case_open_serial_idx ON rma_case (faulty_serial) WHERE state NOT IN ('CLOSED', 'CANCELLED');
CREATE INDEX rma_case_returning_spare_idx ON rma_case (returning_spare) WHERE returning_spare IS NOT NULL;

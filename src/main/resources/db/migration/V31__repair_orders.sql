-- Repair orders (one per defective board sent to a repair center) and the stock targets that decide where a
-- repaired board goes back to stock.

CREATE TABLE repair_order (
    id               BIGSERIAL     PRIMARY KEY,
    case_number      VARCHAR(20)   NOT NULL UNIQUE,
    serial           VARCHAR(40)   NOT NULL,
    part_number      VARCHAR(30)   NOT NULL REFERENCES part (part_number),
    symptom          VARCHAR(2000) NOT NULL,
    expected_at      TIMESTAMPTZ   NOT NULL,
    repair_center    VARCHAR(16)   REFERENCES location (code),
    intake_at        TIMESTAMPTZ,
    due_at           TIMESTAMPTZ,
    technician       VARCHAR(40)   REFERENCES app_user (username),
    diagnosis        VARCHAR(20)   CHECK (diagnosis IN ('FAULT_CONFIRMED', 'NO_FAULT_FOUND', 'BEYOND_REPAIR')),
    finding          VARCHAR(2000),
    actions          VARCHAR(2000),
    test_result      VARCHAR(4)    CHECK (test_result IN ('PASS', 'FAIL')),
    outcome          VARCHAR(10)   CHECK (outcome IN ('REPAIRED', 'SCRAPPED', 'NFF')),
    completed_at     TIMESTAMPTZ,
    return_depot     VARCHAR(16)   REFERENCES location (code),
    returned_at      TIMESTAMPTZ,
    suspected_rogue  BOOLEAN       NOT NULL DEFAULT FALSE,
    version          BIGINT        NOT NULL DEFAULT 0
);
CREATE INDEX repair_order_serial_idx ON repair_order (serial, outcome);
-- The maintenance-experience base reads past repairs of a part.
CREATE INDEX repair_order_part_idx ON repair_order (part_number, completed_at DESC) WHERE completed_at IS NOT NULL;

-- Target stock of a part at a depot. A pair without a row has the default target (spareflow.repair.default-stock-target).
CREATE TABLE stock_target (
    location_code  VARCHAR(16)  NOT NULL REFERENCES location (code),
    part_number    VARCHAR(30)  NOT NULL REFERENCES part (part_number),
    target         INTEGER      NOT NULL CHECK (target >= 0),
    PRIMARY KEY (location_code, part_number)
);

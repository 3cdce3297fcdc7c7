-- A return label scanned at DEFECTIVE_RECEIVE binds the box to its case for the person (and device) that scanned it:
-- the next board scanned there by the same person and device is compared with the serial the case expects, without
-- anyone typing the case number. One binding per person and device (a new return label replaces it); it is used up
-- by that board scan and lapses after a short time (spareflow.scan.box-binding-validity).
CREATE TABLE scan_box_binding (
    username         VARCHAR(40)  NOT NULL REFERENCES app_user (username),
    -- '' when the scanner names no device
    device           VARCHAR(80)  NOT NULL,
    location_code    VARCHAR(16)  NOT NULL REFERENCES location (code),
    case_number      VARCHAR(40)  NOT NULL,
    -- absent when the serial was too long for GS1 (21) and the return label carried the case only
    expected_serial  VARCHAR(40),
    bound_at         TIMESTAMPTZ  NOT NULL,
    expires_at       TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (username, device),
    CHECK (expires_at > bound_at)
);

-- A scan of a return label answers BOUND: it binds a box, it moves no board.
ALTER TABLE scan_event DROP CONSTRAINT scan_event_result_check;
ALTER TABLE scan_event ADD CONSTRAINT scan_event_result_check
    CHECK (result IN ('ACCEPTED', 'QUARANTINED', 'REFUSED', 'BOUND'));

-- Every scan, accepted or refused: who scanned what, where, with which device, and what the service answered.
-- client_scan_id makes a scan idempotent: a retry finds the first answer here (response_status/response_body)
-- and gets it again; fingerprint tells a retry from a different scan that reuses an id.
-- The id is taken before the scan is applied: the board's custody row names the scan that moved it.
CREATE SEQUENCE scan_event_seq;

CREATE TABLE scan_event (
    id               BIGINT        PRIMARY KEY,
    client_scan_id   VARCHAR(80)   NOT NULL UNIQUE,
    fingerprint      VARCHAR(64)   NOT NULL,
    username         VARCHAR(40)   NOT NULL REFERENCES app_user (username),
    action           VARCHAR(24)   NOT NULL,
    -- as sent: a scan at an unknown location is refused, and recorded too
    location_code    VARCHAR(16)   NOT NULL,
    raw_code         VARCHAR(400)  NOT NULL,
    serial           VARCHAR(40),
    part_number      VARCHAR(30),
    device           VARCHAR(80),
    result           VARCHAR(12)   NOT NULL CHECK (result IN ('ACCEPTED', 'QUARANTINED', 'REFUSED')),
    from_status      VARCHAR(24),
    to_status        VARCHAR(24),
    reason           VARCHAR(1000),
    flagged          BOOLEAN       NOT NULL DEFAULT FALSE,
    response_status  INTEGER       NOT NULL,
    response_body    TEXT          NOT NULL,
    scanned_at       TIMESTAMPTZ   NOT NULL
);
CREATE INDEX scan_event_location_idx ON scan_event (location_code, scanned_at);
CREATE INDEX scan_event_serial_idx ON scan_event (serial, scanned_at);
-- Supervisors' work list: boards found at receiving that nobody expected.
CREATE INDEX scan_event_flagged_idx ON scan_event (scanned_at) WHERE flagged;

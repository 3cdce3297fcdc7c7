-- Chain of custody: one row per status change of a board, written in the same transaction as the change
-- (Boards.move), so the history can never disagree with the board's current state. A board registered by a scan
-- (an unknown board found at receiving) starts its chain with a row whose from_status is NULL.
CREATE TABLE board_custody (
    id               BIGSERIAL    PRIMARY KEY,
    board_id         BIGINT       NOT NULL REFERENCES board (id),
    from_status      VARCHAR(24),
    to_status        VARCHAR(24)  NOT NULL,
    action           VARCHAR(40)  NOT NULL,
    location_code    VARCHAR(16)  REFERENCES location (code),
    site_id          BIGINT       REFERENCES customer_site (id),
    username         VARCHAR(40)  NOT NULL,
    device           VARCHAR(80),
    scan_id          BIGINT,
    case_number      VARCHAR(40),
    tracking_number  VARCHAR(60),
    note             VARCHAR(500),
    moved_at         TIMESTAMPTZ  NOT NULL
);
CREATE INDEX board_custody_board_idx ON board_custody (board_id, moved_at, id);

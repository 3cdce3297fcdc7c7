-- A case carries any number of lines: one faulty board each, with its own spare, defective return and repair (issue
-- 18). Every case of before gets one line from its own board columns, which then leave rma_case.

CREATE TABLE case_line (
    id                      BIGSERIAL    PRIMARY KEY,
    case_id                 BIGINT       NOT NULL REFERENCES rma_case (id),
    line_no                 INTEGER      NOT NULL CHECK (line_no > 0),
    serial                  VARCHAR(40)  NOT NULL,
    part_number             VARCHAR(30)  NOT NULL REFERENCES part (part_number),
    state                   VARCHAR(20)  NOT NULL CHECK (state IN ('NAMED', 'SPARE_DISPATCH', 'BACKORDERED',
                                             'AWAITING_RETURN', 'IN_REPAIR', 'FINISHED', 'CANCELLED')),
    -- The board was found at the site without being registered, and registered when the line was named.
    registered_on_site      BOOLEAN      NOT NULL DEFAULT FALSE,
    -- The line of the spare that arrived dead: this line's board is that spare.
    doa_of_line             INTEGER,
    spare_serial            VARCHAR(40),
    spare_depot             VARCHAR(16)  REFERENCES location (code),
    spare_distance_km       DOUBLE PRECISION,
    spare_expected_on_site  TIMESTAMPTZ,
    spare_tracking_number   VARCHAR(60),
    spare_delivered_at      TIMESTAMPTZ,
    backordered             BOOLEAN      NOT NULL DEFAULT FALSE,
    charge_flag             BOOLEAN      NOT NULL DEFAULT FALSE,
    wrong_board_returned    VARCHAR(40),
    cancel_reason           VARCHAR(1000),
    created_at              TIMESTAMPTZ  NOT NULL,
    ended_at                TIMESTAMPTZ,
    version                 BIGINT       NOT NULL DEFAULT 0,
    UNIQUE (case_id, line_no),
    CHECK ((state IN ('FINISHED', 'CANCELLED')) = (ended_at IS NOT NULL))
);
-- A serial is on at most one open line (of any case): the one-open-case-per-board rule, per line.
CREATE UNIQUE INDEX case_line_open_serial_idx ON case_line (serial) WHERE state NOT IN ('FINISHED', 'CANCELLED');
CREATE INDEX case_line_spare_idx ON case_line (spare_serial) WHERE spare_serial IS NOT NULL;

-- The clocks of one line (spare on site, defective return, repair turnaround); the case's clocks in case_sla_clock
-- stay the ones KPIs count: a case-level step is met when every line met it.
CREATE TABLE case_line_clock (
    id          BIGSERIAL    PRIMARY KEY,
    line_id     BIGINT       NOT NULL REFERENCES case_line (id),
    step        VARCHAR(24)  NOT NULL,
    started_at  TIMESTAMPTZ  NOT NULL,
    due_at      TIMESTAMPTZ  NOT NULL,
    met_at      TIMESTAMPTZ,
    breached    BOOLEAN      NOT NULL DEFAULT FALSE,
    UNIQUE (line_id, step)
);

-- A case of before keeps its id for its one line (and a board clock the id of the case clock it was), so a row can be
-- traced back, and copies of migrated data keep the keys the cases had.
INSERT INTO case_line (id, case_id, line_no, serial, part_number, state, spare_serial, spare_depot, spare_distance_km,
                       spare_expected_on_site, spare_tracking_number, spare_delivered_at, backordered, charge_flag,
                       wrong_board_returned, created_at, ended_at)
SELECT c.id, c.id, 1, c.faulty_serial, c.part_number,
       CASE c.state WHEN 'SPARE_DISPATCH' THEN 'SPARE_DISPATCH' WHEN 'BACKORDERED' THEN 'BACKORDERED'
                    WHEN 'AWAITING_RETURN' THEN 'AWAITING_RETURN' WHEN 'IN_REPAIR' THEN 'IN_REPAIR'
                    WHEN 'RESOLVED' THEN 'FINISHED' WHEN 'CLOSED' THEN 'FINISHED' ELSE 'NAMED' END,
       c.spare_serial, c.spare_depot, c.spare_distance_km, c.spare_expected_on_site, c.spare_tracking_number,
       (SELECT k.met_at FROM case_sla_clock k WHERE k.case_id = c.id AND k.step = 'SPARE_ON_SITE'),
       c.backordered, c.charge_flag, c.wrong_board_returned, c.created_at,
       CASE WHEN c.state IN ('RESOLVED', 'CLOSED') THEN COALESCE(c.closed_at, c.created_at) END
FROM rma_case c;

-- The board clocks of a one-board case were that board's.
INSERT INTO case_line_clock (id, line_id, step, started_at, due_at, met_at, breached)
SELECT k.id, l.id, k.step, k.started_at, k.due_at, k.met_at, k.breached
FROM case_sla_clock k JOIN case_line l ON l.case_id = k.case_id AND l.line_no = 1
WHERE k.step IN ('SPARE_ON_SITE', 'DEFECTIVE_RETURN', 'REPAIR_TURNAROUND');
SELECT setval('case_line_id_seq', COALESCE((SELECT max(id) FROM case_line), 0) + 1, false);
SELECT setval('case_line_clock_id_seq', COALESCE((SELECT max(id) FROM case_line_clock), 0) + 1, false);

-- KPIs classify a case by its first line's board (product line); a case whose board is not known yet has none.
DROP VIEW kpi_case;
DROP INDEX rma_case_open_serial_idx;
ALTER TABLE rma_case DROP COLUMN faulty_serial, DROP COLUMN part_number, DROP COLUMN spare_serial,
    DROP COLUMN spare_depot, DROP COLUMN spare_distance_km, DROP COLUMN spare_expected_on_site,
    DROP COLUMN spare_tracking_number, DROP COLUMN backordered, DROP COLUMN charge_flag,
    DROP COLUMN wrong_board_returned;

CREATE VIEW kpi_case AS
SELECT c.id, c.number, c.customer_code, c.site_id, l.serial AS faulty_serial, l.part_number, p.product_line, c.channel,
       c.state, c.tier, c.responsible_location, loc.country AS region_country, c.first_owner, l.spare_serial,
       COALESCE(l.backordered, FALSE) AS backordered,
       EXISTS (SELECT 1 FROM case_line x WHERE x.case_id = c.id AND x.charge_flag) AS charge_flag,
       c.created_at, c.closed_at
FROM rma_case c
LEFT JOIN case_line l ON l.case_id = c.id AND l.line_no = 1
LEFT JOIN part p ON p.part_number = l.part_number
JOIN location loc ON loc.code = c.responsible_location;

-- A repair order per board of a case (several lines, a dead-on-arrival spare sent back), not per case.
ALTER TABLE repair_order DROP CONSTRAINT repair_order_case_number_key;
ALTER TABLE repair_order ADD CONSTRAINT repair_order_case_serial_key UNIQUE (case_number, serial);
ALTER TABLE repair_order ADD COLUMN dead_on_arrival BOOLEAN NOT NULL DEFAULT FALSE;

-- A spare request belongs to a line of its case; one open request per line.
ALTER TABLE spare_reservation ADD COLUMN line_no INTEGER NOT NULL DEFAULT 1;
DROP INDEX spare_reservation_open_case_idx;
CREATE UNIQUE INDEX spare_reservation_open_line_idx ON spare_reservation (case_number, line_no)
    WHERE status IN ('BACKORDER', 'RESERVED');

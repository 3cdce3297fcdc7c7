-- Spare sourcing: reservations (and backorders) per case, the recorded decisions, and ETA overrides per customer site.

-- One row per request for a spare of a case. BACKORDER waits for stock; RESERVED holds one concrete board at a depot
-- until it is PICKED, RELEASED, EXPIRED; a CANCELLED backorder never got a board.
CREATE TABLE spare_reservation (
    id                BIGSERIAL    PRIMARY KEY,
    case_number       VARCHAR(40)  NOT NULL,
    requested_part    VARCHAR(30)  NOT NULL REFERENCES part (part_number),
    site_id           BIGINT       NOT NULL REFERENCES customer_site (id),
    tier              VARCHAR(20)  NOT NULL REFERENCES service_tier (name),
    status            VARCHAR(16)  NOT NULL CHECK (status IN ('BACKORDER', 'RESERVED', 'PICKED', 'RELEASED', 'EXPIRED', 'CANCELLED')),
    serial            VARCHAR(40),
    board_part        VARCHAR(30)  REFERENCES part (part_number),
    depot_code        VARCHAR(16)  REFERENCES location (code),
    distance_km       DOUBLE PRECISION,
    expected_on_site  TIMESTAMPTZ,
    predicted_breach  BOOLEAN      NOT NULL DEFAULT FALSE,
    created_at        TIMESTAMPTZ  NOT NULL,
    reserved_at       TIMESTAMPTZ,
    expires_at        TIMESTAMPTZ,
    closed_at         TIMESTAMPTZ,
    close_reason      VARCHAR(300),
    version           BIGINT       NOT NULL DEFAULT 0,
    CHECK ((status = 'BACKORDER' OR status = 'CANCELLED') OR (serial IS NOT NULL AND depot_code IS NOT NULL))
);
-- A case holds at most one active request: a repeated reserve returns it instead of taking a second board.
CREATE UNIQUE INDEX spare_reservation_active_case_idx ON spare_reservation (case_number)
    WHERE status IN ('BACKORDER', 'RESERVED', 'PICKED');
CREATE INDEX spare_reservation_case_idx ON spare_reservation (case_number, id);
-- Backorders are served oldest first; reservations expire by due time; a board has at most one live reservation.
CREATE INDEX spare_reservation_backorder_idx ON spare_reservation (requested_part, created_at, id) WHERE status = 'BACKORDER';
CREATE INDEX spare_reservation_expiry_idx ON spare_reservation (expires_at) WHERE status = 'RESERVED';
CREATE UNIQUE INDEX spare_reservation_live_serial_idx ON spare_reservation (serial) WHERE status = 'RESERVED';
CREATE INDEX spare_reservation_depot_idx ON spare_reservation (depot_code) WHERE status = 'RESERVED';

-- Why a spare came from where: every candidate considered (JSON), the choice and the reason, per case.
CREATE TABLE sourcing_decision (
    id                BIGSERIAL    PRIMARY KEY,
    case_number       VARCHAR(40)  NOT NULL,
    reservation_id    BIGINT       NOT NULL REFERENCES spare_reservation (id),
    kind              VARCHAR(20)  NOT NULL CHECK (kind IN ('RESERVED', 'BACKORDER', 'BACKORDER_SERVED', 'SWAPPED', 'RELEASED', 'EXPIRED', 'CANCELLED')),
    made_at           TIMESTAMPTZ  NOT NULL,
    made_by           VARCHAR(40)  NOT NULL,
    requested_part    VARCHAR(30)  NOT NULL,
    site_id           BIGINT       NOT NULL,
    tier              VARCHAR(20)  NOT NULL,
    limit_minutes     INTEGER,
    chosen_depot      VARCHAR(16),
    chosen_serial     VARCHAR(40),
    reason            VARCHAR(1000) NOT NULL,
    candidates_total  INTEGER      NOT NULL DEFAULT 0,
    candidates        JSONB        NOT NULL DEFAULT '[]'
);
CREATE INDEX sourcing_decision_case_idx ON sourcing_decision (case_number, made_at, id);

-- Sites where the straight line lies about the road. Keyed by customer and site name (unique per customer), because
-- sites are customer data loaded after the schema exists (hence no foreign key); a NULL value keeps the global setting.
CREATE TABLE sourcing_site_override (
    customer_code       VARCHAR(20)  NOT NULL,
    site_name           VARCHAR(160) NOT NULL,
    road_detour_factor  DOUBLE PRECISION CHECK (road_detour_factor >= 1),
    road_speed_kmh      DOUBLE PRECISION CHECK (road_speed_kmh > 0),
    extra_minutes       INTEGER      NOT NULL DEFAULT 0 CHECK (extra_minutes >= 0),
    reason              VARCHAR(300) NOT NULL,
    PRIMARY KEY (customer_code, site_name)
);

-- Barkam (Ngawa/Aba prefecture) is 230 km from Chengdu as the crow flies, but the road climbs the Min and Zagunao
-- valleys over the Zhegu pass: about 360 km and 7–8 hours by van, slower than the national default.
INSERT INTO sourcing_site_override (customer_code, site_name, road_detour_factor, road_speed_kmh, extra_minutes, reason)
VALUES ('CMCC-SC', 'Ngawa (Aba) Barkam BSC site', 1.55, 45, 30,
        'Mountain roads through the Min and Zagunao valleys and over the Zhegu pass (about 360 km by road from Chengdu)');

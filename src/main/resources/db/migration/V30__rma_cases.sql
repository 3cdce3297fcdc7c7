-- RMA cases: the case itself, its timeline, its SLA clocks (one per step) and the breaches of those clocks.
-- Camunda keeps only ids and due dates in process variables; the business data lives here.

-- Case numbers are RMA-<year>-<six digits>, counted per year.
CREATE TABLE rma_case_counter (
    year        INTEGER PRIMARY KEY,
    last_value  BIGINT  NOT NULL
);

CREATE TABLE rma_case (
    id                      BIGSERIAL     PRIMARY KEY,
    number                  VARCHAR(20)   NOT NULL UNIQUE,
    tracking_token          VARCHAR(64)   NOT NULL UNIQUE,
    customer_code           VARCHAR(20)   NOT NULL REFERENCES customer (code),
    site_id                 BIGINT        NOT NULL REFERENCES customer_site (id),
    faulty_serial           VARCHAR(40)   NOT NULL,
    part_number             VARCHAR(30)   NOT NULL REFERENCES part (part_number),
    symptom                 VARCHAR(2000) NOT NULL,
    channel                 VARCHAR(10)   NOT NULL CHECK (channel IN ('HOTLINE', 'EMAIL', 'WEB', 'API')),
    state                   VARCHAR(24)   NOT NULL,
    tier                    VARCHAR(20)   NOT NULL REFERENCES service_tier (name),
    responsible_location    VARCHAR(16)   NOT NULL REFERENCES location (code),
    reported_by             VARCHAR(40)   NOT NULL,
    first_owner             VARCHAR(40)   REFERENCES app_user (username),
    first_owner_since       TIMESTAMPTZ,
    diagnosis_outcome       VARCHAR(24),
    spare_serial            VARCHAR(40),
    spare_depot             VARCHAR(16)   REFERENCES location (code),
    spare_distance_km       DOUBLE PRECISION,
    spare_expected_on_site  TIMESTAMPTZ,
    spare_tracking_number   VARCHAR(60),
    backordered             BOOLEAN       NOT NULL DEFAULT FALSE,
    charge_flag             BOOLEAN       NOT NULL DEFAULT FALSE,
    wrong_board_returned    VARCHAR(40),
    resolution              VARCHAR(2000),
    created_at              TIMESTAMPTZ   NOT NULL,
    closed_at               TIMESTAMPTZ,
    version                 BIGINT        NOT NULL DEFAULT 0,
    CHECK ((state = 'CLOSED') = (closed_at IS NOT NULL))
);
-- A serial can be on only one open case.
CREATE UNIQUE INDEX rma_case_open_serial_idx ON rma_case (faulty_serial) WHERE state <> 'CLOSED';
CREATE INDEX rma_case_state_idx ON rma_case (state, created_at);
CREATE INDEX rma_case_owner_idx ON rma_case (first_owner, state);
CREATE INDEX rma_case_customer_idx ON rma_case (customer_code, state);

CREATE TABLE case_timeline (
    id          BIGSERIAL     PRIMARY KEY,
    case_id     BIGINT        NOT NULL REFERENCES rma_case (id),
    at          TIMESTAMPTZ   NOT NULL,
    kind        VARCHAR(30)   NOT NULL,
    actor       VARCHAR(40)   NOT NULL,
    text        VARCHAR(2000) NOT NULL
);
CREATE INDEX case_timeline_case_idx ON case_timeline (case_id, at);

CREATE TABLE case_sla_clock (
    id          BIGSERIAL    PRIMARY KEY,
    case_id     BIGINT       NOT NULL REFERENCES rma_case (id),
    step        VARCHAR(24)  NOT NULL,
    started_at  TIMESTAMPTZ  NOT NULL,
    due_at      TIMESTAMPTZ  NOT NULL,
    met_at      TIMESTAMPTZ,
    breached    BOOLEAN      NOT NULL DEFAULT FALSE,
    UNIQUE (case_id, step)
);

CREATE TABLE case_breach (
    id           BIGSERIAL    PRIMARY KEY,
    case_id      BIGINT       NOT NULL REFERENCES rma_case (id),
    step         VARCHAR(24)  NOT NULL,
    limit_at     TIMESTAMPTZ  NOT NULL,
    detected_at  TIMESTAMPTZ  NOT NULL,
    actual_at    TIMESTAMPTZ,
    owner        VARCHAR(40),
    UNIQUE (case_id, step)
);
-- The monitoring center lists recent breaches.
CREATE INDEX case_breach_detected_idx ON case_breach (detected_at);

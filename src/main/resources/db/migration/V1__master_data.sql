-- Master data: the location network, parts, boards, customers and their contracts, service tiers, users.
-- Flyway owns these tables; Camunda creates and owns its ACT_* tables itself.

CREATE TABLE location (
    code              VARCHAR(16)  PRIMARY KEY,
    name              VARCHAR(120) NOT NULL,
    type              VARCHAR(20)  NOT NULL CHECK (type IN ('HQ', 'OFFICE_DEPOT', 'OVERSEAS_DEPOT', 'REPAIR_CENTER')),
    city              VARCHAR(80)  NOT NULL,
    country           VARCHAR(2)   NOT NULL CHECK (country ~ '^[A-Z]{2}$'),
    latitude          DOUBLE PRECISION NOT NULL CHECK (latitude BETWEEN -90 AND 90),
    longitude         DOUBLE PRECISION NOT NULL CHECK (longitude BETWEEN -180 AND 180),
    time_zone         VARCHAR(40)  NOT NULL,
    business_hours    VARCHAR(40)  NOT NULL,
    handling_minutes  INTEGER      NOT NULL DEFAULT 60 CHECK (handling_minutes >= 0),
    active            BOOLEAN      NOT NULL DEFAULT TRUE
);
CREATE INDEX location_type_idx ON location (type);

CREATE TABLE service_tier (
    name                            VARCHAR(20)  PRIMARY KEY,
    description                     VARCHAR(200) NOT NULL,
    calendar                        VARCHAR(20)  NOT NULL CHECK (calendar IN ('ALWAYS', 'BUSINESS_HOURS')),
    accept_minutes                  INTEGER      NOT NULL CHECK (accept_minutes > 0),
    remote_diagnosis_minutes        INTEGER      NOT NULL CHECK (remote_diagnosis_minutes > 0),
    advance_exchange                BOOLEAN      NOT NULL,
    spare_on_site_minutes           INTEGER      CHECK (spare_on_site_minutes > 0),
    defective_return_days           INTEGER      NOT NULL CHECK (defective_return_days > 0),
    defective_return_reminder_days  INTEGER      NOT NULL CHECK (defective_return_reminder_days >= 0),
    overdue_charge_days             INTEGER      NOT NULL CHECK (overdue_charge_days > 0),
    version                         BIGINT       NOT NULL DEFAULT 0,
    CHECK (advance_exchange = (spare_on_site_minutes IS NOT NULL)),
    CHECK (overdue_charge_days > defective_return_days)
);

-- Limits are minutes counted in the tier's calendar: ALWAYS (24x7) or the business hours of the responsible location.
INSERT INTO service_tier VALUES
 ('PLATINUM', '24x7 advance exchange: accept in 15 min, remote diagnosis in 30 min, spare on site in 4 h', 'ALWAYS', 15, 30, TRUE, 240, 10, 2, 30, 0),
 ('GOLD', 'Next-business-day advance exchange: accept in 1 business hour, spare on site by the next business day', 'BUSINESS_HOURS', 60, 30, TRUE, 540, 10, 2, 30, 0),
 ('SILVER', 'Advance exchange in 3 business days: accept in 4 business hours', 'BUSINESS_HOURS', 240, 30, TRUE, 1620, 10, 2, 30, 0),
 ('BRONZE', 'Repair and return, no advance exchange: accept in 1 business day', 'BUSINESS_HOURS', 540, 30, FALSE, NULL, 10, 2, 30, 0);

CREATE TABLE part (
    part_number             VARCHAR(30)  PRIMARY KEY,
    product_line            VARCHAR(20)  NOT NULL CHECK (product_line IN ('CDMA', 'MOBILE', 'OPTICAL', 'ACCESS', 'DATA', 'POWER')),
    description             VARCHAR(200) NOT NULL,
    revision                VARCHAR(10)  NOT NULL,
    superseded_by           VARCHAR(30)  REFERENCES part (part_number),
    repairable              BOOLEAN      NOT NULL,
    repair_turnaround_days  INTEGER      NOT NULL CHECK (repair_turnaround_days > 0),
    CHECK (superseded_by IS NULL OR superseded_by <> part_number)
);

CREATE TABLE customer (
    code      VARCHAR(20)  PRIMARY KEY,
    name      VARCHAR(120) NOT NULL,
    country   VARCHAR(2)   NOT NULL CHECK (country ~ '^[A-Z]{2}$')
);

CREATE TABLE customer_site (
    id              BIGSERIAL    PRIMARY KEY,
    customer_code   VARCHAR(20)  NOT NULL REFERENCES customer (code),
    name            VARCHAR(160) NOT NULL,
    city            VARCHAR(80)  NOT NULL,
    country         VARCHAR(2)   NOT NULL CHECK (country ~ '^[A-Z]{2}$'),
    latitude        DOUBLE PRECISION NOT NULL CHECK (latitude BETWEEN -90 AND 90),
    longitude       DOUBLE PRECISION NOT NULL CHECK (longitude BETWEEN -180 AND 180),
    time_zone       VARCHAR(40)  NOT NULL,
    UNIQUE (customer_code, name)
);

CREATE TABLE customer_contact (
    id              BIGSERIAL    PRIMARY KEY,
    customer_code   VARCHAR(20)  NOT NULL REFERENCES customer (code),
    name            VARCHAR(120) NOT NULL,
    email           VARCHAR(254) NOT NULL,
    locale          VARCHAR(10)  NOT NULL DEFAULT 'en',
    UNIQUE (customer_code, email)
);
CREATE INDEX customer_contact_email_idx ON customer_contact (lower(email));

CREATE TABLE service_contract (
    contract_number VARCHAR(30)  PRIMARY KEY,
    customer_code   VARCHAR(20)  NOT NULL REFERENCES customer (code),
    tier_name       VARCHAR(20)  NOT NULL REFERENCES service_tier (name),
    valid_from      DATE         NOT NULL,
    valid_to        DATE         NOT NULL,
    CHECK (valid_to >= valid_from)
);
CREATE INDEX service_contract_customer_idx ON service_contract (customer_code, valid_from);

CREATE TABLE board (
    id              BIGSERIAL    PRIMARY KEY,
    serial          VARCHAR(40)  NOT NULL UNIQUE CHECK (serial = upper(serial)),
    part_number     VARCHAR(30)  NOT NULL REFERENCES part (part_number),
    revision        VARCHAR(10)  NOT NULL,
    status          VARCHAR(24)  NOT NULL,
    location_code   VARCHAR(16)  REFERENCES location (code),
    site_id         BIGINT       REFERENCES customer_site (id),
    updated_at      TIMESTAMPTZ  NOT NULL DEFAULT now(),
    version         BIGINT       NOT NULL DEFAULT 0,
    CHECK (location_code IS NULL OR site_id IS NULL)
);
-- Sourcing looks for available boards of a part at a location.
CREATE INDEX board_stock_idx ON board (part_number, status, location_code);
CREATE INDEX board_location_idx ON board (location_code, status);

CREATE TABLE app_user (
    username        VARCHAR(40)  PRIMARY KEY,
    password_hash   VARCHAR(100) NOT NULL,
    display_name    VARCHAR(120) NOT NULL,
    email           VARCHAR(254) NOT NULL,
    role            VARCHAR(20)  NOT NULL CHECK (role IN ('ADMIN', 'SUPERVISOR', 'AGENT', 'DEPOT', 'TECHNICIAN')),
    location_code   VARCHAR(16)  REFERENCES location (code),
    product_lines   VARCHAR(100) NOT NULL DEFAULT '',
    supervisor      VARCHAR(40)  REFERENCES app_user (username),
    enabled         BOOLEAN      NOT NULL DEFAULT TRUE,
    CHECK (role NOT IN ('DEPOT', 'TECHNICIAN', 'AGENT') OR location_code IS NOT NULL)
);

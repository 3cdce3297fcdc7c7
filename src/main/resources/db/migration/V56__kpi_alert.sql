-- Early warning: case arrivals of one series (a product line, a region, a customer) above their control limit.
-- An alert is open while the series is out of control and closes by itself when it is back under its limit.
CREATE TABLE kpi_alert (
    id              BIGSERIAL     PRIMARY KEY,
    dimension       VARCHAR(16)   NOT NULL CHECK (dimension IN ('PRODUCT_LINE', 'REGION', 'CUSTOMER')),
    series          VARCHAR(40)   NOT NULL,
    opened_at       TIMESTAMPTZ   NOT NULL,
    -- start of the aggregation interval whose arrivals first exceeded the limit
    since           TIMESTAMPTZ   NOT NULL,
    observed        INTEGER       NOT NULL CHECK (observed >= 0),
    peak            INTEGER       NOT NULL CHECK (peak >= 0),
    baseline        DOUBLE PRECISION NOT NULL CHECK (baseline >= 0),
    upper_limit     INTEGER       NOT NULL CHECK (upper_limit >= 0),
    last_checked_at TIMESTAMPTZ   NOT NULL,
    closed_at       TIMESTAMPTZ,
    CHECK (closed_at IS NULL OR closed_at >= opened_at)
);
-- At most one open alert per series.
CREATE UNIQUE INDEX kpi_alert_open_series_idx ON kpi_alert (dimension, series) WHERE closed_at IS NULL;
CREATE INDEX kpi_alert_opened_idx ON kpi_alert (opened_at DESC);

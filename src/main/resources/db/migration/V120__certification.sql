-- Training certification: who may do which product line's work at which level, for which days (both included).
CREATE TABLE certification (
    id               BIGSERIAL    PRIMARY KEY,
    username         VARCHAR(40)  NOT NULL REFERENCES app_user (username),
    product_line     VARCHAR(16)  NOT NULL CHECK (product_line IN ('CDMA', 'MOBILE', 'OPTICAL', 'ACCESS', 'DATA', 'POWER')),
    level            VARCHAR(4)   NOT NULL CHECK (level IN ('L1', 'L2')),
    issued_by        VARCHAR(100) NOT NULL,
    valid_from       DATE         NOT NULL,
    valid_until      DATE         NOT NULL,
    created_at       TIMESTAMPTZ  NOT NULL DEFAULT now(),
    -- when the holder and their supervisor were told it expires soon (once per certification)
    expiry_mailed_at TIMESTAMPTZ,
    CHECK (valid_until >= valid_from)
);
CREATE INDEX certification_holder_idx ON certification (username, product_line);
CREATE INDEX certification_expiry_idx ON certification (valid_until);

-- The technicians' product-line sets were their certification, without dates: each line becomes an L2
-- certification valid from today for two years, so nobody loses a task by the upgrade.
INSERT INTO certification (username, product_line, level, issued_by, valid_from, valid_until)
SELECT u.username, trim(line), 'L2', 'migrated from product lines', CURRENT_DATE, CURRENT_DATE + INTERVAL '2 years'
FROM app_user u, unnest(string_to_array(u.product_lines, ',')) AS line
WHERE u.role = 'TECHNICIAN' AND trim(line) <> '';

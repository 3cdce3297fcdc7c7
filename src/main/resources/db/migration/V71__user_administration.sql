-- User administration: the locale of a user's pages and mail, when their password last changed (audited instead of
-- the password itself), optimistic locking for concurrent edits; one-time password links; failed sign-ins.
ALTER TABLE app_user
    ADD COLUMN locale              VARCHAR(10) NOT NULL DEFAULT 'en',
    ADD COLUMN password_changed_at TIMESTAMPTZ,
    ADD COLUMN version             BIGINT      NOT NULL DEFAULT 0;

-- Only the SHA-256 of a link's token is kept: a copy of this table does not let anyone set a password.
CREATE TABLE password_reset_token (
    token_hash  VARCHAR(64)  PRIMARY KEY,
    username    VARCHAR(40)  NOT NULL REFERENCES app_user (username),
    created_at  TIMESTAMPTZ  NOT NULL,
    expires_at  TIMESTAMPTZ  NOT NULL,
    used_at     TIMESTAMPTZ,
    CHECK (expires_at > created_at)
);
CREATE INDEX password_reset_token_user_idx ON password_reset_token (username) WHERE used_at IS NULL;

-- Every failed sign-in (form or HTTP Basic); the user name as typed, which need not exist.
CREATE TABLE login_failure (
    id        BIGSERIAL    PRIMARY KEY,
    at        TIMESTAMPTZ  NOT NULL,
    username  VARCHAR(100) NOT NULL,
    address   VARCHAR(64)
);
CREATE INDEX login_failure_at_idx ON login_failure (at);
CREATE INDEX login_failure_user_idx ON login_failure (username, at);

-- Scheduled jobs that must run on one node at a time take a row here first (ShedLock's JDBC provider).
CREATE TABLE shedlock (
    name       VARCHAR(64)  NOT NULL PRIMARY KEY,
    lock_until TIMESTAMPTZ  NOT NULL,
    locked_at  TIMESTAMPTZ  NOT NULL,
    locked_by  VARCHAR(255) NOT NULL
);

-- Automatic replies are counted per recipient and hour (rate limit across nodes and restarts).
CREATE INDEX mail_outbox_reply_recipient_idx ON mail_outbox (recipient, created_at) WHERE dedupe_key LIKE 'reply:%';

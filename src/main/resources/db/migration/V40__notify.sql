-- Outbound mail goes through an outbox written in the transaction of the change that causes it; a worker sends it
-- later, with retries and backoff. Inbound mail is processed once per Message-ID, across restarts.

CREATE TABLE mail_outbox (
    id               BIGSERIAL    PRIMARY KEY,
    case_number      VARCHAR(30),
    kind             VARCHAR(40)  NOT NULL,
    -- A message is enqueued at most once per dedupe key (e.g. case + milestone + recipient).
    dedupe_key       VARCHAR(200) NOT NULL UNIQUE,
    recipient        VARCHAR(254) NOT NULL,
    subject          VARCHAR(300) NOT NULL,
    text_body        TEXT         NOT NULL,
    html_body        TEXT,
    message_id       VARCHAR(200) NOT NULL UNIQUE,
    in_reply_to      VARCHAR(1000),
    status           VARCHAR(10)  NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'SENT', 'FAILED')),
    attempts         INTEGER      NOT NULL DEFAULT 0,
    next_attempt_at  TIMESTAMPTZ  NOT NULL DEFAULT now(),
    last_error       VARCHAR(1000),
    created_at       TIMESTAMPTZ  NOT NULL DEFAULT now(),
    sent_at          TIMESTAMPTZ
);
CREATE INDEX mail_outbox_due_idx ON mail_outbox (next_attempt_at) WHERE status = 'PENDING';
CREATE INDEX mail_outbox_case_idx ON mail_outbox (case_number, created_at);

CREATE TABLE mail_inbound (
    id               BIGSERIAL    PRIMARY KEY,
    message_key      VARCHAR(300) NOT NULL UNIQUE,
    sender           VARCHAR(254),
    subject          VARCHAR(300),
    received_at      TIMESTAMPTZ  NOT NULL DEFAULT now(),
    outcome          VARCHAR(30)  NOT NULL,
    case_number      VARCHAR(30),
    detail           VARCHAR(1000)
);

CREATE TABLE survey_response (
    case_number      VARCHAR(30)  PRIMARY KEY,
    score            SMALLINT     NOT NULL CHECK (score BETWEEN 1 AND 5),
    comment          VARCHAR(2000),
    answered_at      TIMESTAMPTZ  NOT NULL DEFAULT now()
);

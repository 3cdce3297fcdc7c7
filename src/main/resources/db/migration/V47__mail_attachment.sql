-- A mail may name a document to attach (e.g. the case's return label as PDF). The outbox stores only this
-- reference; the document is rendered when the mail is sent, so the table does not grow with PDFs.
ALTER TABLE mail_outbox ADD COLUMN attachment VARCHAR(30)
    CHECK (attachment IN ('RETURN_LABEL_PDF'));

-- A mail whose body is a secret (the portal's one-time sign-in link) is emptied once it has been handed to the mail
-- server: the outbox keeps that it was sent, not the link.
ALTER TABLE mail_outbox ADD COLUMN erase_body_after_send BOOLEAN NOT NULL DEFAULT FALSE;

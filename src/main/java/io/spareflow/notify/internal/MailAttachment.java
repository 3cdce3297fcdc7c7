package io.spareflow.notify.internal;

/**
 * A document an outbox mail carries, named by reference: it is rendered when the mail is sent (see
 * {@link MailAttachments}), so the outbox stores a word, not the file.
 */
enum MailAttachment {
    /** The case's return label (PDF) for the defective board. */
    RETURN_LABEL_PDF
}

package io.spareflow.notify.internal;

/** The automatic answers to inbound mail (the outbox's {@code kind}). */
enum ReplyKind {
    /** A contact asked about their case: its status. */
    STATUS_REPLY,
    /** A contact wrote without naming a board of theirs: what we need to open a case. */
    REPORT_NEEDS_DETAILS,
    /** A contact reported a board that already has an open case: which one. */
    SERIAL_ALREADY_OPEN,
    /** Anybody else: a polite answer that reveals nothing. */
    NO_CASE_INFORMATION
}

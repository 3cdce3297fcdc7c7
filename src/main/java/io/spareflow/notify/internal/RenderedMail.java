package io.spareflow.notify.internal;

/** A mail ready to send: subject, plain text and (optionally) HTML. */
record RenderedMail(String subject, String text, String html) {
}

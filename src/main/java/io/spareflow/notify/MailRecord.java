package io.spareflow.notify;

import java.time.Instant;

/** One mail of a case as the case page shows it: to whom, what, and whether it went out. */
public record MailRecord(String kind, String recipient, String subject, String status, int attempts, String lastError,
                         Instant createdAt, Instant sentAt) {
}

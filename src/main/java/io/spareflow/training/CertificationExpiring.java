package io.spareflow.training;

import java.time.Instant;

/**
 * A certification ends within {@link Certifications#EXPIRY_WARNING_DAYS} days and no renewal follows it: its
 * holder and their supervisor ({@code supervisor}, null when the holder has none) are told, once — unless a renewal
 * recorded later is revoked again. {@code warnedAt} tells one warning of a certification from a later one.
 */
public record CertificationExpiring(Certification certification, String supervisor, long daysLeft, Instant warnedAt) {
}

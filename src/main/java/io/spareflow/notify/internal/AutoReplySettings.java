package io.spareflow.notify.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** At most {@code maxPerSender} automatic replies to one address within {@code window}; then silence, recorded. */
@ConfigurationProperties("spareflow.mail.auto-reply")
record AutoReplySettings(int maxPerSender, Duration window) {
}

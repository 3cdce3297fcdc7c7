package io.spareflow.notify.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Mail settings: the service's own address (sender and IMAP mailbox), IMAP server, polling, and the outbox's retry
 * policy (exponential backoff from {@code retryInitial} up to {@code retryMax}; a message still unsent after
 * {@code giveUpAfter} is marked FAILED).
 */
@ConfigurationProperties("spareflow.mail")
public record MailSettings(String from, String fromName, Imap imap, Duration sendInterval, Duration retryInitial,
                           Duration retryMax, Duration giveUpAfter, int batchSize, int maxInboundBodyChars) {

    public record Imap(boolean enabled, String host, int port, String username, String password, Duration pollInterval) {
    }
}

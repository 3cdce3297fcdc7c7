package io.spareflow.portal.internal;

import io.spareflow.customer.ContactInfo;
import io.spareflow.customer.Customers;
import io.spareflow.notify.ContactMail;
import jakarta.annotation.PreDestroy;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One-time sign-in links: 256 random bits, mailed through the outbox, stored as SHA-256 only, valid for the
 * configured time (15 minutes), consumed at most once. Asking for a link answers at once and the same whatever the
 * address: the address is looked up, and the link made and queued, on a worker thread afterwards, so neither the
 * answer nor its timing tells whether the address belongs to a contact.
 */
@Service
class SignInLinks {

    private static final Logger log = LoggerFactory.getLogger(SignInLinks.class);
    private static final int TOKEN_BYTES = 32;
    static final String MAIL_TEMPLATE = "portal/mail/sign-in";

    private final Customers customers;
    private final ContactMail mail;
    private final SignInLinkStore store;
    private final TransactionTemplate transactions;
    private final PortalSettings settings;
    private final Clock clock;
    private final String publicBaseUrl;
    private final SecureRandom random = new SecureRandom();
    /** A bounded queue: a flood beyond it is dropped (and logged) rather than held in memory. */
    private final ThreadPoolExecutor issuer = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(1000), runnable -> {
                Thread thread = new Thread(runnable, "portal-sign-in-links");
                thread.setDaemon(true);
                return thread;
            }, (task, executor) -> log.warn("Sign-in link requests queue full: one request dropped"));

    SignInLinks(Customers customers, ContactMail mail, SignInLinkStore store, TransactionTemplate transactions,
                PortalSettings settings, Clock clock, @Value("${spareflow.public-base-url}") String publicBaseUrl) {
        this.customers = customers;
        this.mail = mail;
        this.store = store;
        this.transactions = transactions;
        this.settings = settings;
        this.clock = clock;
        this.publicBaseUrl = publicBaseUrl.replaceAll("/+$", "");
    }

    /** Asks for a link to {@code email}; returns at once, the same for every address (see the class comment). */
    void request(String email) {
        issuer.execute(() -> {
            try {
                issue(email);
            } catch (RuntimeException e) {
                log.error("Sign-in link not issued", e);
            }
        });
    }

    /** A link for each contact with this address (an address may be a contact of two customers), in one transaction. */
    private void issue(String email) {
        transactions.executeWithoutResult(tx -> {
            for (ContactInfo contact : customers.contactsByEmail(email)) {
                String token = newToken();
                String hash = hash(token);
                Instant now = clock.instant();
                store.save(hash, contact.id(), now, now.plus(settings.linkValidity()));
                mail.queueSecret(contact, "PORTAL_SIGN_IN", "portal-sign-in:" + hash, MAIL_TEMPLATE, Map.of(
                        "signInUrl", publicBaseUrl + "/portal/sign-in/" + token,
                        "validMinutes", settings.linkValidity().toMinutes(),
                        "customerName", customers.find(contact.customerCode()).map(c -> c.name()).orElse(contact.customerCode())));
            }
        });
    }

    /** The contact the link signs in, consuming it; empty when it is unknown, used or expired. */
    Optional<ContactInfo> redeem(String token) {
        if (!wellFormed(token)) {
            return Optional.empty();
        }
        return transactions.execute(tx -> store.consume(hash(token), clock.instant()).flatMap(customers::contact));
    }

    static boolean wellFormed(String token) {
        return token != null && token.matches("[A-Za-z0-9_-]{43}");
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT1M")
    void purge() {
        store.deleteExpiredBefore(clock.instant().minus(Duration.ofDays(1)));
    }

    @PreDestroy
    void stop() {
        issuer.shutdown();
    }

    private String newToken() {
        byte[] bytes = new byte[TOKEN_BYTES];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}

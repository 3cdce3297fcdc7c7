package io.spareflow.portal.internal;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * How many sign-in links may be asked for: per e-mail address (so nobody floods a contact's mailbox) and per client
 * address (so nobody probes or floods many addresses), each a token bucket refilled over the throttle window. Known
 * and unknown addresses are counted alike. In memory, per node: a cluster of n nodes admits up to n times as many.
 */
@Component
class SignInThrottle {

    private final PortalSettings settings;
    private final Map<String, Bucket> byAddress = new ConcurrentHashMap<>();
    private final Map<String, Bucket> byClient = new ConcurrentHashMap<>();

    SignInThrottle(PortalSettings settings) {
        this.settings = settings;
    }

    /** Takes one request from both buckets; false (and nothing taken) when either is empty. */
    boolean tryAcquire(String email, String clientAddress) {
        Bucket address = byAddress.computeIfAbsent(email.toLowerCase(Locale.ROOT), k -> bucket(settings.linksPerAddress()));
        Bucket client = byClient.computeIfAbsent(clientAddress, k -> bucket(settings.linksPerClient()));
        if (!client.tryConsume(1)) {
            return false;
        }
        if (!address.tryConsume(1)) {
            client.addTokens(1);
            return false;
        }
        return true;
    }

    /** Full buckets hold no information: dropped, so the maps hold only the addresses of the last window. */
    @Scheduled(fixedDelayString = "PT5M")
    void forgetIdle() {
        byAddress.values().removeIf(b -> b.getAvailableTokens() >= settings.linksPerAddress());
        byClient.values().removeIf(b -> b.getAvailableTokens() >= settings.linksPerClient());
    }

    private Bucket bucket(int capacity) {
        Duration window = settings.throttleWindow();
        return Bucket.builder().addLimit(Bandwidth.builder().capacity(capacity).refillGreedy(capacity, window).build()).build();
    }
}

package io.spareflow.user.internal;

import io.spareflow.user.StaffUser;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The users this node has read for requests with credentials, kept while {@link UserChangeListener} hears every
 * change of {@code app_user} (a trigger names the user at commit, on every node): a request then reads no user.
 * While the listener is not connected nothing is kept and every request reads its user ({@link UserLookup}), as a
 * notification sent meanwhile is lost; on reconnect the map starts empty. Entries also expire after a TTL, a safety net
 * for a connection that died without the listener noticing yet. Users are snapshots: a request's principal is the user
 * as read.
 */
class KnownUsers {

    private record Known(StaffUser user, Instant until) {
    }

    private final UserLookup lookup;
    private final int capacity;
    private final Duration ttl;
    private final Clock clock;
    private final Map<String, Known> known = new ConcurrentHashMap<>();
    /**
     * Raised by every eviction and every change of the listener's state. A look-up reads it before its database read
     * and keeps what it read only if it is unchanged: a read that raced a change cannot put the old user back after
     * the change's eviction.
     */
    private long generation;
    private boolean listening;

    KnownUsers(UserLookup lookup, int capacity, Duration ttl, Clock clock) {
        this.lookup = lookup;
        this.capacity = capacity;
        this.ttl = ttl;
        this.clock = clock;
    }

    /** The user named {@code username}, as {@link UserLookup#find} reads it or as kept since then. */
    Optional<StaffUser> find(String username) {
        if (username == null) {
            return Optional.empty();
        }
        String name = username.trim();
        Known hit = known.get(name);
        if (hit != null && hit.until().isAfter(clock.instant())) {
            return Optional.of(hit.user());
        }
        long before = generation();
        Optional<StaffUser> read = lookup.find(name);
        read.ifPresent(user -> keep(name, user, before));
        return read;
    }

    /** Forgets the user named {@code username}: a change of their row has been committed. */
    synchronized void evict(String username) {
        generation++;
        known.remove(username);
    }

    /** The listener now hears every change (nothing kept yet), or no longer does (nothing kept from now on). */
    synchronized void listening(boolean on) {
        generation++;
        listening = on;
        known.clear();
    }

    /** Whether {@code username} is kept (tests and the delay measurement watch evictions). */
    boolean keeps(String username) {
        return known.containsKey(username);
    }

    private synchronized long generation() {
        return generation;
    }

    private synchronized void keep(String name, StaffUser user, long before) {
        if (!listening || generation != before) {
            return;
        }
        if (known.size() >= capacity && !known.containsKey(name)) {
            // A bound, not an eviction policy: a node sees a few hundred staff; any entry may go.
            Iterator<String> any = known.keySet().iterator();
            any.next();
            any.remove();
        }
        known.put(name, new Known(user, clock.instant().plus(ttl)));
    }
}

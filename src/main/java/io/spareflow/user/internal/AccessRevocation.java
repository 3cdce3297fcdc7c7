package io.spareflow.user.internal;

import io.spareflow.user.StaffUser;
import io.spareflow.user.UserDisabled;
import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Ends a disabled user's page sessions (their next request is signed out). API access ends by itself: every HTTP Basic
 * request looks the user up again ({@link KnownUsers}, which every node's {@link UserChangeListener} makes forget a
 * changed user at commit), and a disabled user fails that check even with remembered credentials.
 */
@Component
class AccessRevocation {

    private final SessionRegistry sessions;

    AccessRevocation(SessionRegistry sessions) {
        this.sessions = sessions;
    }

    @TransactionalEventListener
    void on(UserDisabled disabled) {
        // Principals are snapshots of the user at sign-in, so they are matched by name, not by equality.
        sessions.getAllPrincipals().stream()
                .filter(p -> p instanceof StaffUser user && user.username().equals(disabled.username()))
                .flatMap(p -> sessions.getAllSessions(p, false).stream())
                .forEach(SessionInformation::expireNow);
    }
}

package io.spareflow.user.internal;

import io.spareflow.user.StaffUser;
import io.spareflow.user.UserDisabled;
import java.util.List;
import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Ends a disabled user's page sessions (their next request is signed out), on every node: page sessions live in the
 * node that signed the user in, so each node ends its own when its {@link UserChangeListener} hears the change, and
 * the node that disabled the user ends its own at commit even while its listener is not connected. API access ends by
 * itself: every HTTP Basic request looks the user up again ({@link KnownUsers}, which forgets a changed user at
 * commit), and a disabled user fails that check even with remembered credentials.
 */
@Component
class AccessRevocation {

    private final SessionRegistry sessions;
    private final UserLookup users;

    AccessRevocation(SessionRegistry sessions, UserLookup users) {
        this.sessions = sessions;
        this.users = users;
    }

    @TransactionalEventListener
    void on(UserDisabled disabled) {
        sessionsOf(disabled.username()).forEach(SessionInformation::expireNow);
    }

    /** The row of {@code username} has changed on some node: a user now disabled or gone loses their sessions here. */
    void changed(String username) {
        List<SessionInformation> open = sessionsOf(username);
        if (!open.isEmpty() && !users.find(username).map(StaffUser::isEnabled).orElse(false)) {
            open.forEach(SessionInformation::expireNow);
        }
    }

    /** Checks every user with page sessions here again: changes made while this node was not listening went unheard. */
    void recheckAll() {
        sessions.getAllPrincipals().stream()
                .filter(StaffUser.class::isInstance)
                .map(p -> ((StaffUser) p).username())
                .distinct()
                .forEach(this::changed);
    }

    private List<SessionInformation> sessionsOf(String username) {
        // Principals are snapshots of the user at sign-in, so they are matched by name, not by equality.
        return sessions.getAllPrincipals().stream()
                .filter(p -> p instanceof StaffUser user && user.username().equals(username))
                .flatMap(p -> sessions.getAllSessions(p, false).stream())
                .toList();
    }
}

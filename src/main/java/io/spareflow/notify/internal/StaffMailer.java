package io.spareflow.notify.internal;

import io.spareflow.user.PasswordLinkIssued;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Mail to staff about their own account: the one-time link to choose a password, in the user's language. */
@Component
class StaffMailer {

    private final Outbox outbox;
    private final MailRenderer renderer;

    StaffMailer(Outbox outbox, MailRenderer renderer) {
        this.outbox = outbox;
        this.renderer = renderer;
    }

    @EventListener
    void on(PasswordLinkIssued link) {
        Map<String, Object> vars = Map.of("displayName", link.displayName(), "username", link.username(),
                "link", link.link(), "expiresAt", link.expiresAt(), "firstPassword", link.firstPassword());
        outbox.enqueue(null, "PASSWORD_LINK", "password-link:" + link.linkId(), link.email(),
                renderer.render("password-link", link.locale(), vars), null);
    }
}

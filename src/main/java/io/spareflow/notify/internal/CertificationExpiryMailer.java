package io.spareflow.notify.internal;

import io.spareflow.training.Certification;
import io.spareflow.training.CertificationExpiring;
import io.spareflow.user.StaffReader;
import io.spareflow.user.Users;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Mails a certification's coming end to its holder and to their supervisor, each in their own language, through the
 * outbox in the transaction that marks the certification warned.
 */
@Component
class CertificationExpiryMailer {

    private final Users users;
    private final MailRenderer renderer;
    private final Outbox outbox;

    CertificationExpiryMailer(Users users, MailRenderer renderer, Outbox outbox) {
        this.users = users;
        this.renderer = renderer;
        this.outbox = outbox;
    }

    @EventListener
    void on(CertificationExpiring expiring) {
        Certification certification = expiring.certification();
        Optional<StaffReader> holder = users.reader(certification.username());
        holder.ifPresent(reader -> mail(expiring, reader, true, holder.get()));
        users.reader(expiring.supervisor()).filter(supervisor -> holder.isPresent())
                .ifPresent(supervisor -> mail(expiring, supervisor, false, holder.get()));
    }

    private void mail(CertificationExpiring expiring, StaffReader reader, boolean toHolder, StaffReader holder) {
        if (reader.email() == null || reader.email().isBlank()) {
            return;
        }
        Map<String, Object> vars = new HashMap<>();
        vars.put("certification", expiring.certification());
        vars.put("daysLeft", expiring.daysLeft());
        vars.put("toHolder", toHolder);
        vars.put("readerName", reader.displayName());
        vars.put("holderName", holder.displayName());
        outbox.enqueue(null, "CERTIFICATION_EXPIRING", "certification-expiring:" + expiring.certification().id() + ":"
                        + expiring.warnedAt().toEpochMilli() + ":" + reader.username(), reader.email(),
                renderer.render("certification-expiring", reader.locale(), vars), null);
    }
}

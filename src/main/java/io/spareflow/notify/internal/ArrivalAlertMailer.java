package io.spareflow.notify.internal;

import io.spareflow.kpi.ArrivalAlertRaised;
import io.spareflow.user.Role;
import io.spareflow.user.StaffReader;
import io.spareflow.user.UserSummary;
import io.spareflow.user.Users;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Tells every supervisor about a new arrival alert, in their language, through the outbox, in the transaction that opened it. */
@Component
class ArrivalAlertMailer {

    private final Users users;
    private final MailRenderer renderer;
    private final Outbox outbox;
    private final String baseUrl;

    ArrivalAlertMailer(Users users, MailRenderer renderer, Outbox outbox, @Value("${spareflow.public-base-url}") String baseUrl) {
        this.users = users;
        this.renderer = renderer;
        this.outbox = outbox;
        this.baseUrl = baseUrl;
    }

    @EventListener
    void on(ArrivalAlertRaised alert) {
        for (UserSummary supervisor : users.withRole(Role.SUPERVISOR)) {
            Locale language = users.reader(supervisor.username()).map(StaffReader::locale).orElse(Locale.ENGLISH);
            Map<String, Object> vars = new HashMap<>();
            vars.put("alert", alert);
            vars.put("monitorUrl", baseUrl + "/monitor");
            outbox.enqueue(null, "ARRIVAL_ALERT", "arrival-alert:" + alert.alertId() + ":" + supervisor.username(),
                    supervisor.email(), renderer.render("arrival-alert", language, vars), null);
        }
    }
}

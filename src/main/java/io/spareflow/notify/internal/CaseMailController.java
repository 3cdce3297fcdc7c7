package io.spareflow.notify.internal;

import io.spareflow.notify.MailRecord;
import io.spareflow.notify.Notifications;
import io.spareflow.rma.Cases;
import io.spareflow.user.Users;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Mail", description = "What was mailed about a case, and whether it went out")
class CaseMailController {

    private final Notifications notifications;
    private final Cases cases;

    CaseMailController(Notifications notifications, Cases cases) {
        this.notifications = notifications;
        this.cases = cases;
    }

    @GetMapping("/api/cases/{number}/mails")
    @PreAuthorize("hasAnyRole('AGENT', 'SUPERVISOR', 'ADMIN')")
    @Operation(summary = "The mails of a case (milestones, replies, escalations) with status PENDING, SENT or FAILED",
            description = "For those who speak with customers: agents, supervisors and admins.")
    List<MailRecord> mails(@PathVariable String number) {
        return notifications.forCase(cases.read(number, Users.current().orElseThrow()).number());
    }
}

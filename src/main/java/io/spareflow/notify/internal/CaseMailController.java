package io.spareflow.notify.internal;

import io.spareflow.notify.MailRecord;
import io.spareflow.notify.Notifications;
import io.spareflow.rma.Cases;
import io.spareflow.common.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
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
    @Operation(summary = "The mails of a case (milestones, replies, escalations) with status PENDING, SENT or FAILED")
    List<MailRecord> mails(@PathVariable String number) {
        String known = cases.find(number).orElseThrow(() -> new NotFoundException("Case", number)).number();
        return notifications.forCase(known);
    }
}

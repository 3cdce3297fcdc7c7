package io.spareflow.rma.internal;

import io.spareflow.rma.CaseEscalated;
import io.spareflow.rma.CaseMilestone;
import io.spareflow.rma.CaseMilestoneReached;
import io.spareflow.rma.EscalationLevel;
import io.spareflow.rma.SlaStep;
import io.spareflow.user.StaffUser;
import io.spareflow.user.Users;
import java.time.Instant;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Who a case's change is told to: milestones go to the customer's mails, escalations to the first owner and their
 * supervisor — the monitoring center's supervisor while nobody owns the case.
 */
@Component
class CaseAlerts {

    private final Users users;
    private final ApplicationEventPublisher events;

    CaseAlerts(Users users, ApplicationEventPublisher events) {
        this.users = users;
        this.events = events;
    }

    void milestone(CaseEntity entity, CaseMilestone milestone, Instant at) {
        events.publishEvent(new CaseMilestoneReached(entity.number(), milestone, at));
    }

    /** Tells the first owner and the supervisor; returns the supervisor (null when none is configured). */
    String escalate(CaseEntity entity, SlaStep step, EscalationLevel level, String reason, Instant at) {
        String supervisor = supervisorOf(entity.firstOwner());
        events.publishEvent(new CaseEscalated(entity.number(), step, level, entity.firstOwner(), supervisor, reason, at));
        return supervisor;
    }

    private String supervisorOf(String owner) {
        return Optional.ofNullable(owner).flatMap(users::find).map(StaffUser::supervisor)
                .or(users::monitoringSupervisor)
                .orElse(null);
    }
}

package io.spareflow.rma.internal;

import io.spareflow.common.Message;
import io.spareflow.rma.CaseMilestone;
import io.spareflow.rma.EscalationLevel;
import io.spareflow.rma.SlaStep;
import io.spareflow.rma.StalledStep;
import io.spareflow.rma.TimelineKind;
import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a late or stalled step of a case brings: a breach recorded, the first owner reminded, the supervisor stepping
 * in, the customer warned of a charge — each on the timeline.
 */
@Service
@Transactional
public class CaseDeadlines {

    private final CaseLookup lookup;
    private final CaseTexts texts;
    private final CaseAlerts alerts;
    private final Clock clock;

    CaseDeadlines(CaseLookup lookup, CaseTexts texts, CaseAlerts alerts, Clock clock) {
        this.lookup = lookup;
        this.texts = texts;
        this.alerts = alerts;
        this.clock = clock;
    }

    /**
     * A step's limit was missed: breach recorded (once), first owner and supervisor reminded. A step of a board (spare
     * on site, defective return, repair) is marked on that line too; the case's breach is recorded with the first line
     * that misses it.
     */
    public void limitMissed(String caseNumber, SlaStep step, int lineNo) {
        CaseEntity entity = lookup.lock(caseNumber);
        Instant now = clock.instant();
        if (entity.lines().stream().anyMatch(l -> l.lineNo() == lineNo)) {
            entity.line(lineNo).breach(step);
        }
        if (entity.breach(step, now)) {
            Message reason = Message.of("escalation.limitMissed", Message.of("mail.step." + step.name()));
            entity.record(now, TimelineKind.BREACH, "system", entity.firstOwner() == null ? reason
                    : texts.text("case.timeline.breach-owner-reminded", reason, entity.firstOwner()));
            alerts.escalate(entity, step, EscalationLevel.REMINDER, reason, now);
        }
    }

    /** The step is still not done well after its limit: the supervisor steps in. Returns the supervisor. */
    public String escalate(String caseNumber, SlaStep step, Message reason) {
        CaseEntity entity = lookup.lock(caseNumber);
        Instant now = clock.instant();
        entity.record(now, TimelineKind.ESCALATED, "system", reason);
        return alerts.escalate(entity, step, EscalationLevel.ESCALATION, reason, now);
    }

    /** The stall audit found a step of the case that can no longer complete: recorded, owner and supervisor told. */
    public void stalled(StalledStep stall) {
        CaseEntity entity = lookup.lock(stall.caseNumber());
        Instant now = clock.instant();
        Message reason = Message.of("case.timeline.stalled", stall.step(), stall.expected(), stall.actual());
        entity.record(now, TimelineKind.STALLED, "system", reason);
        alerts.escalate(entity, SlaStep.STALL, EscalationLevel.ESCALATION, reason, now);
    }

    public void returnReminder(String caseNumber, int lineNo) {
        CaseEntity entity = lookup.lock(caseNumber);
        CaseLineEntity line = entity.line(lineNo);
        Instant now = clock.instant();
        entity.record(now, TimelineKind.RETURN_REMINDER, "system", texts.onLine(entity, line,
                texts.text("case.timeline.return-reminder", line.serial())));
        alerts.milestone(entity, CaseMilestone.RETURN_REMINDER, now);
        alerts.escalate(entity, SlaStep.DEFECTIVE_RETURN, EscalationLevel.REMINDER, Message.of("escalation.dueSoon"), now);
    }

    /** Returns the supervisor the overdue return was escalated to. */
    public String returnOverdue(String caseNumber, int lineNo) {
        CaseEntity entity = lookup.lock(caseNumber);
        CaseLineEntity line = entity.line(lineNo);
        Instant now = clock.instant();
        line.breach(SlaStep.DEFECTIVE_RETURN);
        entity.breach(SlaStep.DEFECTIVE_RETURN, now);
        Message reason = Message.of("escalation.overdue", line.serial());
        entity.record(now, TimelineKind.RETURN_OVERDUE, "system", texts.onLine(entity, line, reason));
        alerts.milestone(entity, CaseMilestone.RETURN_OVERDUE, now);
        return alerts.escalate(entity, SlaStep.DEFECTIVE_RETURN, EscalationLevel.ESCALATION, reason, now);
    }

    public void chargeLimitReached(String caseNumber, int lineNo) {
        CaseEntity entity = lookup.lock(caseNumber);
        CaseLineEntity line = entity.line(lineNo);
        Instant now = clock.instant();
        line.flagCharge();
        entity.record(now, TimelineKind.CHARGE_FLAGGED, "system", texts.onLine(entity, line,
                texts.text("case.timeline.charge-flagged")));
        alerts.milestone(entity, CaseMilestone.RETURN_CHARGE_WARNING, now);
    }
}

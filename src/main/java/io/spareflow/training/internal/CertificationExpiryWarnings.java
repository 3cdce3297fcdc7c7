package io.spareflow.training.internal;

import io.spareflow.training.Certification;
import io.spareflow.training.CertificationExpiring;
import io.spareflow.training.Certifications;
import io.spareflow.user.StaffUser;
import io.spareflow.user.Users;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Warns of certifications about to end: one valid today that ends within {@link Certifications#EXPIRY_WARNING_DAYS}
 * days, that no renewal follows and whose holder was not yet warned, publishes {@link CertificationExpiring} (notify
 * mails the holder and their supervisor) and is marked warned in the same transaction, so it is warned once. One
 * node runs the job at a time (ShedLock); each certification is re-read in its own transaction before it is warned.
 */
@Component
class CertificationExpiryWarnings {

    private static final Logger log = LoggerFactory.getLogger(CertificationExpiryWarnings.class);

    private final CertificationRepository certifications;
    private final Users users;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;

    CertificationExpiryWarnings(CertificationRepository certifications, Users users, ApplicationEventPublisher events,
                                TransactionTemplate transactions, Clock clock) {
        this.certifications = certifications;
        this.users = users;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${spareflow.training.expiry-warning-interval:PT1H}",
            initialDelayString = "${spareflow.training.expiry-warning-interval:PT1H}")
    @SchedulerLock(name = "certification-expiry-warning")
    void warnScheduled() {
        warnExpiring();
    }

    /** Warns of every certification due a warning today; returns the ids of those warned now. */
    List<Long> warnExpiring() {
        LocalDate today = LocalDate.now(clock);
        List<Long> warned = new ArrayList<>();
        for (Long id : certifications.dueForExpiryWarning(today, today.plusDays(Certifications.EXPIRY_WARNING_DAYS))) {
            try {
                if (Boolean.TRUE.equals(transactions.execute(status -> warn(id, today)))) {
                    warned.add(id);
                }
            } catch (RuntimeException e) {
                log.warn("Expiry warning of certification {} could not be sent, will retry: {}", id, e.toString());
            }
        }
        return warned;
    }

    private boolean warn(long id, LocalDate today) {
        Optional<CertificationEntity> found = certifications.findById(id).filter(c -> c.expiryMailedAt() == null);
        Optional<StaffUser> holder = found.flatMap(c -> users.find(c.username())).filter(StaffUser::enabled);
        if (found.isEmpty() || holder.isEmpty()) {
            return false;
        }
        CertificationEntity certification = found.get();
        Instant now = clock.instant();
        certification.expiryMailed(now);
        Certification view = certification.toView(today);
        events.publishEvent(new CertificationExpiring(view, holder.get().supervisor(),
                ChronoUnit.DAYS.between(today, view.validUntil()), now));
        return true;
    }
}

package io.spareflow.sourcing.internal;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Releases reservations whose board was not picked in time; safe on several nodes (row locks, status re-checked). */
@Component
class ReservationExpiryJob {

    private static final Logger log = LoggerFactory.getLogger(ReservationExpiryJob.class);
    private static final int BATCH = 200;

    private final Reservations reservations;

    ReservationExpiryJob(Reservations reservations) {
        this.reservations = reservations;
    }

    @Scheduled(fixedDelayString = "${spareflow.sourcing.expiry-check-interval:PT1M}",
            initialDelayString = "${spareflow.sourcing.expiry-check-interval:PT1M}")
    @SchedulerLock(name = "reservation-expiry")
    void expireOverdue() {
        for (Long id : reservations.overdue(BATCH)) {
            try {
                reservations.expire(id);
            } catch (RuntimeException e) {
                log.warn("Reservation {} could not be expired, will retry: {}", id, e.toString());
            }
        }
    }
}

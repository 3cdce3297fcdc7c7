package io.spareflow.sourcing.internal;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Serves backorders whose stock appeared without the board-moved listener serving them (a board registered straight
 * as AVAILABLE, a node stopped between a move's commit and its listener): a restart loses no backorder.
 */
@Component
class BackorderSweepJob {

    private static final Logger log = LoggerFactory.getLogger(BackorderSweepJob.class);

    private final Backorders backorders;

    BackorderSweepJob(Backorders backorders) {
        this.backorders = backorders;
    }

    @Scheduled(fixedDelayString = "${spareflow.sourcing.expiry-check-interval:PT1M}",
            initialDelayString = "${spareflow.sourcing.expiry-check-interval:PT1M}")
    @SchedulerLock(name = "backorder-sweep")
    void serveBackordersWithStock() {
        for (Long id : backorders.withStock()) {
            try {
                backorders.serve(id);
            } catch (RuntimeException e) {
                log.warn("Backorder {} could not be served by the sweep, will retry: {}", id, e.toString());
            }
        }
    }
}

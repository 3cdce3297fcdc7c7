package io.spareflow.sourcing;

/** Published when a backordered case gets its spare (stock appeared); the lifecycle resumes the dispatch. */
public record SpareReserved(ReservationOutcome reservation) {
}

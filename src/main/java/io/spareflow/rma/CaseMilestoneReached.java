package io.spareflow.rma;

import java.time.Instant;

/** Published inside the transaction of the state change that reached the milestone. */
public record CaseMilestoneReached(String caseNumber, CaseMilestone milestone, Instant at) {
}

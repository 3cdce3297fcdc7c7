package io.spareflow.rma;

import java.time.Instant;

/**
 * A time limit of a case was missed (or something went wrong with it, such as a wrong board returned): addressed to
 * its first owner and their supervisor. {@code level} is {@code REMINDER} (limit reached, owner reminded) or
 * {@code ESCALATION} (the supervisor steps in). {@code firstOwner} is null while nobody has accepted the case.
 */
public record CaseEscalated(String caseNumber, String step, String level, String firstOwner, String supervisor,
                            String reason, Instant at) {

    public static final String REMINDER = "REMINDER";
    public static final String ESCALATION = "ESCALATION";
}

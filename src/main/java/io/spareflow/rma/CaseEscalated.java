package io.spareflow.rma;

import io.spareflow.common.Message;
import java.time.Instant;

/**
 * A time limit of a case was missed (or something went wrong with it, such as a wrong board returned): addressed to
 * its first owner and their supervisor. {@code level} says whether the owner is reminded or
 * the supervisor steps in. {@code firstOwner} is null while nobody has accepted the case. {@code reason} is worded in
 * each reader's language where it is read (the escalation mail).
 */
public record CaseEscalated(String caseNumber, SlaStep step, EscalationLevel level, String firstOwner, String supervisor,
                            Message reason, Instant at) {
}

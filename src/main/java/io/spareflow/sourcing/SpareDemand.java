package io.spareflow.sourcing;

import java.util.Set;

/**
 * A case as sourcing must know it before a person reserves or releases a spare for it: who answers for it and what it
 * waits for. {@code partsAwaited} is empty unless the case is open and waiting for a spare now; {@code state} is the
 * case's state as people read it, for messages only.
 */
public record SpareDemand(String caseNumber, String state, String firstOwner, long siteId, Set<String> partsAwaited) {

    public SpareDemand {
        partsAwaited = Set.copyOf(partsAwaited);
    }

    /** Whether the case waits for a spare of {@code partNumber} at {@code site} now. */
    public boolean awaits(String partNumber, long site) {
        return siteId == site && partNumber != null && partsAwaited.stream().anyMatch(partNumber.trim()::equalsIgnoreCase);
    }
}

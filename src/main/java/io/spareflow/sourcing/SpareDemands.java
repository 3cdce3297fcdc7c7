package io.spareflow.sourcing;

import java.util.Optional;

/**
 * The cases that may ask for a spare: a port that sourcing defines and the case feature implements, so sourcing can
 * check a person's reservation against the case without depending on it (the case feature already depends on sourcing).
 */
public interface SpareDemands {

    /** The case with this number, if there is one. */
    Optional<SpareDemand> of(String caseNumber);
}

package io.spareflow.sourcing;

/** Why a case's line asks for a spare: that decides whether the customer's tier must include advance exchange. */
public enum SpareNeed {
    /** A spare sent before the defective board comes back: only for tiers with advance exchange. */
    ADVANCE_EXCHANGE,
    /** A board found beyond repair is replaced, whatever the tier (repair and return too). */
    REPLACEMENT
}

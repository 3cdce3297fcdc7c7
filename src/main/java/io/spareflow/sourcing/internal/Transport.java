package io.spareflow.sourcing.internal;

/** How a spare travels from the depot to the site. */
public enum Transport {
    ROAD,
    AIR
}

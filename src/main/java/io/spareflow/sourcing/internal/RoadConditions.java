package io.spareflow.sourcing.internal;

/**
 * How fast the road to one destination is: the detour factor and speed in force there, minutes added on top (a
 * pass, a ferry), and why they differ from the defaults ({@code null} when they do not).
 */
record RoadConditions(double detourFactor, double speedKmh, int extraMinutes, String reason) {
}

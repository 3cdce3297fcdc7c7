package io.spareflow.training;

import io.spareflow.location.LocationInfo;
import io.spareflow.part.ProductLine;

/**
 * Where a defective board of {@code productLine} is sent: {@code repairCenter}, which has a technician certified for
 * the line ({@code certified}), or — when no repair center has one — the nearest repair center all the same, where
 * the board waits for a certified technician.
 */
public record RepairRoute(LocationInfo repairCenter, ProductLine productLine, boolean certified) {
}

package io.spareflow.repair;

/** The stock of a part a depot should hold; repaired boards go back to the depot with the largest deficit. */
public record StockTarget(String depot, String partNumber, int target) {
}

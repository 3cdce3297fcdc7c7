package io.spareflow.rma.internal;

/**
 * A line whose process starts now: the case, the line's number and board, whether the tier is repair and return (no
 * spare), and the line's spare-on-site limit (null without advance exchange).
 */
public record LineStart(String caseNumber, int line, String faultySerial, boolean repairAndReturn, Limit spareOnSite) {
}

package io.spareflow.rma.internal;

/** A case just reported, with what its process needs to start. {@code spareOnSite} is null without advance exchange. */
public record NewCase(String caseNumber, String faultySerial, boolean repairAndReturn, Limit accept, Limit spareOnSite) {
}

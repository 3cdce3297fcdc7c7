package io.spareflow.rma.internal;

/** A case just reported, with what its process needs to start: the acceptance limit. */
public record NewCase(String caseNumber, Limit accept) {
}

package io.spareflow.rma.internal;

/**
 * A case just reported, with what its process needs to start: the acceptance limit. {@code faultySerial},
 * {@code repairAndReturn} and {@code spareOnSite} (null without advance exchange) are what the rma-case of 0.1.0
 * read at its start, so that version can still run a case reported now (a rollback to it).
 */
public record NewCase(String caseNumber, Limit accept, String faultySerial, boolean repairAndReturn, Limit spareOnSite) {
}

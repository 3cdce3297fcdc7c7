package io.spareflow.scan;

/**
 * The answer to a scan as it was first given (HTTP status and JSON body: a {@link ScanResult} or a problem), so a
 * retry of the same scan gets exactly the same answer; {@code replayed} tells that it is a retry.
 */
public record ScanReply(int status, String body, boolean replayed) {

    public boolean isProblem() {
        return status >= 400;
    }
}

package io.spareflow.scan;

import io.spareflow.common.Message;
import java.util.Optional;

/**
 * A rule of another feature that a scan must pass before it moves a board (e.g. "this depot must pick the board
 * reserved for the case, not another one"). Guards run inside the scan's transaction, after the board is locked.
 */
public interface ScanGuard {

    /** Empty to let the scan pass, or the reason to refuse it, in words for the person scanning. */
    Optional<Message> refuse(ScanAttempt attempt);
}

package io.spareflow.scan;

import io.spareflow.common.InvalidInputException;
import java.util.Map;

/** A scanned code is not a board code; the message says what was read and why it was refused. */
public class UnreadableCodeException extends InvalidInputException {

    public UnreadableCodeException(String message) {
        super(message, Map.of("code", message));
    }
}

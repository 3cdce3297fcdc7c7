package io.spareflow.scan;

import io.spareflow.common.InvalidInputException;
import io.spareflow.common.Message;
import java.util.Map;

/** A scanned code is not a board code; the message says what was read and why it was refused. */
public class UnreadableCodeException extends InvalidInputException {

    public UnreadableCodeException(Message detail) {
        super(detail, Map.of("code", detail));
    }
}

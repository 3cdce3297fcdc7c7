package io.spareflow.common;

import java.util.Map;

/** A request value is not acceptable: answered with 400, naming each field's problem. */
public class InvalidInputException extends RuntimeException {

    private final Map<String, String> fieldErrors;

    public InvalidInputException(String message) {
        this(message, Map.of());
    }

    public InvalidInputException(String message, Map<String, String> fieldErrors) {
        super(message);
        this.fieldErrors = Map.copyOf(fieldErrors);
    }

    public Map<String, String> fieldErrors() {
        return fieldErrors;
    }
}

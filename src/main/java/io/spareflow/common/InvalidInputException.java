package io.spareflow.common;

import java.util.Map;

/** A request value is not acceptable: answered with 400, naming each field's problem. */
public class InvalidInputException extends RuntimeException implements Explained {

    private final transient Message detail;
    private final transient Map<String, Message> fieldErrors;

    public InvalidInputException(Message detail) {
        this(detail, Map.of());
    }

    public InvalidInputException(Message detail, Map<String, Message> fieldErrors) {
        this.detail = detail;
        this.fieldErrors = Map.copyOf(fieldErrors);
    }

    /** One field's problem, which is also the whole detail. */
    public static InvalidInputException field(String field, Message problem) {
        return new InvalidInputException(problem, Map.of(field, problem));
    }

    @Override
    public Message detail() {
        return detail;
    }

    public Map<String, Message> fieldErrors() {
        return fieldErrors;
    }

    @Override
    public String getMessage() {
        return detail.english();
    }
}

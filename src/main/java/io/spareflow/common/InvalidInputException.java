package io.spareflow.common;

import java.util.Map;

/** A request value is not acceptable: answered with 400, naming each field's problem. */
public class InvalidInputException extends ExplainedException {

    private final transient Map<String, Message> fieldErrors;

    public InvalidInputException(Message detail) {
        this(detail, Map.of());
    }

    public InvalidInputException(Message detail, Map<String, Message> fieldErrors) {
        super(detail);
        this.fieldErrors = Map.copyOf(fieldErrors);
    }

    /** One field's problem, which is also the whole detail. */
    public static InvalidInputException field(String field, Message problem) {
        return new InvalidInputException(problem, Map.of(field, problem));
    }

    public Map<String, Message> fieldErrors() {
        return fieldErrors;
    }
}

package io.spareflow.common;

/** The request is well-formed but contradicts the current state: answered with 409. */
public class ConflictException extends ExplainedException {

    public ConflictException(Message detail) {
        super(detail);
    }
}

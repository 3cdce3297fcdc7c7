package io.spareflow.common;

/** The request is well-formed but contradicts the current state: answered with 409. */
public class ConflictException extends RuntimeException implements Explained {

    private final transient Message detail;

    public ConflictException(Message detail) {
        this.detail = detail;
    }

    @Override
    public Message detail() {
        return detail;
    }

    @Override
    public String getMessage() {
        return detail.english();
    }
}

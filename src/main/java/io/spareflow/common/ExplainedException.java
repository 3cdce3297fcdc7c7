package io.spareflow.common;

/** An error of ours a person reads: its detail is a {@link Message}; {@code getMessage()} is its English, for logs. */
public abstract class ExplainedException extends RuntimeException implements Explained {

    private final transient Message detail;

    protected ExplainedException(Message detail) {
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

package io.spareflow.common;

/** Something named by the caller does not exist: answered with 404 and a detail that names it. */
public class NotFoundException extends RuntimeException implements Explained {

    private final transient Message detail;

    /** {@code what} names the kind of thing (a message key under {@code errors.thing.}), {@code id} the one asked for. */
    public NotFoundException(Message what, Object id) {
        this.detail = Message.of("errors.notFound", what, String.valueOf(id));
    }

    /** A detail of its own, where the thing is named with others ("the repair order of case X"). */
    public NotFoundException(Message detail) {
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

package io.spareflow.common;

/** Something named by the caller does not exist: answered with 404 and a detail that names it. */
public class NotFoundException extends ExplainedException {

    /** {@code what} names the kind of thing (a message key under {@code errors.thing.}), {@code id} the one asked for. */
    public NotFoundException(Message what, Object id) {
        this(Message.of("errors.notFound", what, String.valueOf(id)));
    }

    /** A detail of its own, where the thing is named with others ("the repair order of case X"). */
    public NotFoundException(Message detail) {
        super(detail);
    }
}

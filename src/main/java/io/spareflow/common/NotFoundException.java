package io.spareflow.common;

/** Something named by the caller does not exist: answered with 404 and a detail that names it. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String what, Object id) {
        super(what + " '" + id + "' does not exist");
    }
}

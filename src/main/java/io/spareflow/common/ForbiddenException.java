package io.spareflow.common;

import org.springframework.security.access.AccessDeniedException;

/** The caller may not do this (answered with 403): Spring Security's refusal, with a detail in the reader's language. */
public class ForbiddenException extends AccessDeniedException implements Explained {

    private final transient Message detail;

    public ForbiddenException(Message detail) {
        super(detail.key());
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

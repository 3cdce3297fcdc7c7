package io.spareflow.common;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Spring MVC's refusals of a request no controller was chosen for (a method or Content-Type the path does not take,
 * an unknown path): {@link ProblemResponses} only advises our controllers, so without this an {@code /api} client
 * would get Spring Boot's English error JSON. Under {@code /api} they are problems in the reader's language like every
 * other error; a page request is left to the HTML error page (rethrown: not handled here).
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class UnroutedProblems {

    private final ProblemResponses problems;

    UnroutedProblems(ProblemResponses problems) {
        this.problems = problems;
    }

    @ExceptionHandler({HttpRequestMethodNotSupportedException.class, HttpMediaTypeNotSupportedException.class,
            HttpMediaTypeNotAcceptableException.class, NoResourceFoundException.class})
    ResponseEntity<Object> unrouted(Exception e, WebRequest request, HttpServletRequest servlet) throws Exception {
        if (!servlet.getRequestURI().startsWith(servlet.getContextPath() + "/api/")) {
            throw e;
        }
        return problems.handleException(e, request);
    }
}

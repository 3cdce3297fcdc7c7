package io.spareflow.common;

import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.validation.ConstraintViolationException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every API error is an RFC 9457 problem ({@code application/problem+json}) whose {@code detail} tells a person what
 * was wrong and what is expected; validation problems also list each field's problem under {@code errors}. Pages
 * ({@code @Controller}) keep Spring's HTML error handling. Titles, and the details this class writes itself, are in
 * the request's language (message keys {@code problem.*}); field names, codes and the {@code errors} keys stay as they
 * are.
 */
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
public class ProblemResponses extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemResponses.class);

    private final Texts texts;

    public ProblemResponses(Texts texts) {
        this.texts = texts;
    }

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, texts.get("problem.title.notFound"), texts.get(e.detail()));
    }

    @ExceptionHandler(ConflictException.class)
    ProblemDetail conflict(ConflictException e) {
        return problem(HttpStatus.CONFLICT, texts.get("problem.title.conflict"), texts.get(e.detail()));
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ProblemDetail concurrentChange(OptimisticLockingFailureException e) {
        return problem(HttpStatus.CONFLICT, texts.get("problem.title.changedConcurrently"), texts.get("problem.changedConcurrently"));
    }

    @ExceptionHandler(InvalidInputException.class)
    ProblemDetail invalid(InvalidInputException e) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, texts.get("problem.title.invalid"), texts.get(e.detail()));
        if (!e.fieldErrors().isEmpty()) {
            problem.setProperty("errors", texts.get(e.fieldErrors()));
        }
        return problem;
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ProblemDetail constraintViolation(ConstraintViolationException e) {
        Map<String, String> errors = new LinkedHashMap<>();
        e.getConstraintViolations().forEach(v -> errors.put(v.getPropertyPath().toString(), v.getMessage()));
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, texts.get("problem.title.invalid"),
                texts.get("problem.valuesNotAcceptable", errors));
        problem.setProperty("errors", errors);
        return problem;
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
        String expected = e.getRequiredType() == null ? texts.get("problem.expected.otherType") : describe(e.getRequiredType());
        return problem(HttpStatus.BAD_REQUEST, texts.get("problem.title.invalid"),
                texts.get("problem.parameter", e.getName(), e.getValue(), expected));
    }

    @ExceptionHandler(AccessDeniedException.class)
    ProblemDetail forbidden(AccessDeniedException e) {
        return problem(HttpStatus.FORBIDDEN, texts.get("problem.title.forbidden"),
                e instanceof Explained explained ? texts.get(explained.detail()) : e.getMessage());
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        Map<String, String> errors = new LinkedHashMap<>();
        e.getBindingResult().getFieldErrors().forEach(f -> errors.merge(f.getField(),
                f.getRejectedValue() == null ? f.getDefaultMessage() : texts.get("problem.fieldWas", f.getDefaultMessage(), f.getRejectedValue()),
                (a, b) -> a + "; " + b));
        e.getBindingResult().getGlobalErrors().forEach(g -> errors.put(g.getObjectName(), g.getDefaultMessage()));
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, texts.get("problem.title.invalid"),
                texts.get("problem.fieldsNotAcceptable", String.join("; ", errors.entrySet().stream()
                        .map(x -> x.getKey() + " " + x.getValue()).toList())));
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        if (e.getCause() instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            String field = mismatch.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b).orElse("body");
            Class<?> target = mismatch.getTargetType();
            String expected = target == null ? texts.get("problem.expected.otherType") : describe(target);
            String detail = mismatch instanceof InvalidFormatException invalid
                    ? texts.get("problem.fieldValue", field, invalid.getValue(), expected)
                    : texts.get("problem.fieldType", field, expected);
            ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, texts.get("problem.title.invalid"), detail);
            problem.setProperty("errors", Map.of(field, texts.get("problem.expected", expected)));
            return ResponseEntity.badRequest().body(problem);
        }
        return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, texts.get("problem.title.unreadable"),
                texts.get("problem.unreadable", e.getMostSpecificCause().getClass().getSimpleName())));
    }

    @ExceptionHandler(RuntimeException.class)
    ProblemDetail unexpected(RuntimeException e) {
        log.error("Unexpected error", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, texts.get("problem.title.internal"), texts.get("problem.internal"));
    }

    public static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return problem;
    }

    private String describe(Class<?> type) {
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
            return texts.get("problem.expected.number");
        }
        if (type.isEnum()) {
            return texts.get("problem.expected.oneOf", java.util.Arrays.toString(type.getEnumConstants()));
        }
        return texts.get("problem.expected." + kindOf(type));
    }

    /** What a person calls a value of this type in JSON, not its Java name. */
    private static String kindOf(Class<?> type) {
        if (type == Boolean.class || type == boolean.class) {
            return "boolean";
        }
        if (CharSequence.class.isAssignableFrom(type) || type == Character.class || type == char.class) {
            return "text";
        }
        if (type == java.time.LocalDate.class) {
            return "date";
        }
        if (java.time.temporal.Temporal.class.isAssignableFrom(type)) {
            return "instant";
        }
        if (java.time.Duration.class == type) {
            return "duration";
        }
        if (type.isArray() || java.util.Collection.class.isAssignableFrom(type)) {
            return "list";
        }
        return "object";
    }
}

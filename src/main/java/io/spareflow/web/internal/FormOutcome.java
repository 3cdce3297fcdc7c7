package io.spareflow.web.internal;

import io.spareflow.common.ConflictException;
import io.spareflow.common.Explained;
import io.spareflow.common.InvalidInputException;
import io.spareflow.common.NotFoundException;
import io.spareflow.common.Texts;
import jakarta.validation.ConstraintViolationException;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A form's action on the features' APIs, told back to the person on the next page (post-redirect-get): what was
 * done, or why it was refused, in the words of the API's exception. Nothing is half-done: the APIs are transactional.
 */
final class FormOutcome {

    private FormOutcome() {
    }

    static void tell(RedirectAttributes flash, Texts texts, Supplier<String> action) {
        try {
            flash.addFlashAttribute("ok", action.get());
        } catch (InvalidInputException invalid) {
            flash.addFlashAttribute("error", texts.get(invalid.detail()) + (invalid.fieldErrors().isEmpty() ? ""
                    : ": " + texts.get(invalid.fieldErrors()).entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                    .collect(Collectors.joining("; "))));
        } catch (ConstraintViolationException invalid) {
            flash.addFlashAttribute("error", invalid.getConstraintViolations().stream()
                    .map(v -> lastNode(v.getPropertyPath().toString()) + " " + v.getMessage())
                    .sorted().collect(Collectors.joining("; ")));
        } catch (ConflictException | NotFoundException refused) {
            flash.addFlashAttribute("error", texts.get(((Explained) refused).detail()));
        }
    }

    private static String lastNode(String path) {
        return path.substring(path.lastIndexOf('.') + 1);
    }
}

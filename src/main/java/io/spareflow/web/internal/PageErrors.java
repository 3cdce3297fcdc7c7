package io.spareflow.web.internal;

import io.spareflow.common.ConflictException;
import io.spareflow.common.InvalidInputException;
import io.spareflow.common.NotFoundException;
import io.spareflow.common.Texts;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * A page request the features refuse gets a page saying why, with the status the API would answer. Only for the
 * pages: the scan station's script endpoints keep the API's problem+json answers.
 */
@ControllerAdvice(assignableTypes = {AdminController.class, AuditPageController.class, PasswordPageController.class, UserAdminPageController.class, StockTargetPageController.class, CustomerAdminPageController.class, CasePageController.class, DepotController.class,
        HotlineController.class, LabelPageController.class, MonitoringController.class, RepairBenchController.class,
        ScanStationController.class})
class PageErrors {

    private final Texts texts;

    PageErrors(Texts texts) {
        this.texts = texts;
    }

    @ExceptionHandler(NotFoundException.class)
    ModelAndView notFound(NotFoundException e) {
        return page(HttpStatus.NOT_FOUND, texts.get(e.detail()));
    }

    @ExceptionHandler(InvalidInputException.class)
    ModelAndView invalid(InvalidInputException e) {
        return page(HttpStatus.BAD_REQUEST, texts.get(e.detail()));
    }

    @ExceptionHandler(ConflictException.class)
    ModelAndView conflict(ConflictException e) {
        return page(HttpStatus.CONFLICT, texts.get(e.detail()));
    }

    private static ModelAndView page(HttpStatus status, String message) {
        ModelAndView page = new ModelAndView("refused", status);
        page.addObject("status", status.value());
        page.addObject("message", message);
        return page;
    }
}

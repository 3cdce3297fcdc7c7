package io.spareflow.portal.internal;

import io.spareflow.board.BoardInfo;
import io.spareflow.board.BoardStatus;
import io.spareflow.board.Boards;
import io.spareflow.common.ConflictException;
import io.spareflow.common.InvalidInputException;
import io.spareflow.common.Message;
import io.spareflow.customer.CustomerInfo;
import io.spareflow.customer.SiteInfo;
import io.spareflow.rma.CaseChannel;
import io.spareflow.rma.CaseReport;
import io.spareflow.rma.CaseView;
import io.spareflow.rma.Cases;
import io.spareflow.scan.ScanCode;
import io.spareflow.scan.Scans;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Reporting a fault online: site → installed board (from the list, typed, or read from a photo of its label) →
 * symptom. The case is opened with channel WEB and enters the lifecycle like every other (acknowledgement mail
 * included). A report the service would refuse is refused here first, in the contact's language, with the reason.
 */
@Controller
@RequestMapping("/portal/report")
class PortalFaultReports {

    private static final int MAX_SYMPTOM = 2000;

    /** A refusal: the answer's status, the message key and its arguments. */
    private static final class Refused extends RuntimeException {

        private final HttpStatus status;
        private final transient Object[] args;

        Refused(HttpStatus status, String key, Object... args) {
            super(key, null, false, false);
            this.status = status;
            this.args = args;
        }
    }

    private final ContactScope scope;
    private final Boards boards;
    private final Cases cases;
    private final Scans scans;
    private final PortalTexts texts;

    PortalFaultReports(ContactScope scope, Boards boards, Cases cases, Scans scans, PortalTexts texts) {
        this.scope = scope;
        this.boards = boards;
        this.cases = cases;
        this.scans = scans;
        this.texts = texts;
    }

    @GetMapping
    ModelAndView form() {
        return page(HttpStatus.OK, null, "", "", "");
    }

    @PostMapping
    ModelAndView report(@RequestParam(required = false) Long siteId, @RequestParam(defaultValue = "") String board,
                        @RequestParam(defaultValue = "") String serial, @RequestParam(defaultValue = "") String symptom,
                        RedirectAttributes flash) {
        PortalContact contact = scope.contact();
        String code = serial.isBlank() ? board.strip() : serial.strip();
        String faultySerial;
        try {
            faultySerial = check(siteId, code, symptom.strip());
        } catch (Refused refused) {
            return page(refused.status, texts.text(refused.getMessage(), refused.args), siteId == null ? "" : siteId.toString(),
                    code, symptom);
        }
        try {
            CaseView created = cases.report(new CaseReport(contact.customerCode(), siteId, faultySerial, symptom.strip(),
                    CaseChannel.WEB));
            flash.addFlashAttribute("reported", created.number());
            return new ModelAndView("redirect:/portal/cases/" + created.number());
        } catch (ConflictException alreadyOpen) {
            return page(HttpStatus.CONFLICT, texts.text("portal.report.error.onOpenCaseNow", faultySerial), siteId.toString(),
                    code, symptom);
        } catch (InvalidInputException refused) {
            return page(HttpStatus.BAD_REQUEST, texts.text(Message.of("portal.report.error.refused", refused.detail())),
                    siteId.toString(), code, symptom);
        }
    }

    /** Reads the board's serial from a photo of its label (the scan station's decoder), for the phone's camera. */
    @PostMapping(path = "/decode", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseBody
    ResponseEntity<?> decode(@RequestPart("photo") MultipartFile photo) {
        scope.contact();
        try (InputStream in = photo.getInputStream()) {
            ScanCode code = scans.readPhoto(in);
            return ResponseEntity.ok(Map.of("serial", code.serial()));
        } catch (InvalidInputException | IOException unreadable) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, texts.text("portal.report.error.photo"));
            return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
        }
    }

    /** The normalized serial of the faulty board; {@link Refused} with the reason when the report cannot be taken. */
    private String check(Long siteId, String code, String symptom) {
        CustomerInfo customer = scope.customer();
        Optional<SiteInfo> site = customer.sites().stream().filter(s -> Long.valueOf(s.id()).equals(siteId)).findFirst();
        if (site.isEmpty()) {
            throw new Refused(HttpStatus.BAD_REQUEST, "portal.report.error.site");
        }
        if (code.isEmpty()) {
            throw new Refused(HttpStatus.BAD_REQUEST, "portal.report.error.noBoard");
        }
        String serial;
        try {
            serial = ScanCode.parse(code).serial();
        } catch (InvalidInputException notASerial) {
            throw new Refused(HttpStatus.BAD_REQUEST, "portal.report.error.serialFormat", code);
        }
        Optional<BoardInfo> found = boards.find(serial);
        if (found.isEmpty()) {
            throw new Refused(HttpStatus.BAD_REQUEST, "portal.report.error.unknownBoard", serial);
        }
        BoardInfo faulty = found.get();
        if (faulty.status() != BoardStatus.INSTALLED || !Long.valueOf(site.get().id()).equals(faulty.siteId())) {
            throw new Refused(HttpStatus.BAD_REQUEST, "portal.report.error.notAtSite", serial, site.get().name());
        }
        Optional<String> open = cases.openCaseOf(serial);
        if (open.isPresent()) {
            throw new Refused(HttpStatus.CONFLICT, "portal.report.error.onOpenCase", serial, open.get());
        }
        if (symptom.isEmpty() || symptom.length() > MAX_SYMPTOM) {
            throw new Refused(HttpStatus.BAD_REQUEST, "portal.report.error.symptom", MAX_SYMPTOM);
        }
        return serial;
    }

    private ModelAndView page(HttpStatus status, String error, String siteId, String serial, String symptom) {
        CustomerInfo customer = scope.customer();
        ModelAndView page = new ModelAndView("portal/report", status);
        page.addObject("customer", customer);
        page.addObject("installed", scope.installedBoards(customer));
        page.addObject("error", error);
        page.addObject("siteId", siteId);
        page.addObject("serial", serial);
        page.addObject("symptom", symptom);
        return page;
    }
}

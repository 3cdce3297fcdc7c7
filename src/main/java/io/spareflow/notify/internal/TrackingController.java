package io.spareflow.notify.internal;

import io.spareflow.notify.CustomerTimeline;
import io.spareflow.notify.CustomerReturnLabels;
import io.spareflow.rma.CaseState;
import io.spareflow.rma.CaseView;
import io.spareflow.rma.Cases;
import java.time.Clock;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The customer's tracking page (no login; the unguessable token is the key) and the satisfaction survey, answered
 * there once after the case is closed. Shows only what the customer may see: no internal names but the first owner.
 */
@Controller
class TrackingController {

    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{20,100}");

    private final Cases cases;
    private final SurveyRepository surveys;
    private final CaseMailContext context;
    private final CustomerReturnLabels returnLabels;
    private final Clock clock;
    private final MessageSource messages;

    TrackingController(Cases cases, SurveyRepository surveys, CaseMailContext context, CustomerReturnLabels returnLabels,
                       Clock clock, MessageSource messages) {
        this.cases = cases;
        this.returnLabels = returnLabels;
        this.surveys = surveys;
        this.context = context;
        this.clock = clock;
        this.messages = messages;
    }

    @GetMapping("/track/{token}")
    String track(@PathVariable String token, Model model) {
        CaseView c = caseOf(token);
        Map<String, Object> vars = context.of(c, LocaleContextHolder.getLocale());
        vars.remove("caseUrl");
        model.addAllAttributes(vars);
        model.addAttribute("timeline", CustomerTimeline.worded(c, messages, LocaleContextHolder.getLocale()));
        model.addAttribute("surveyScore", surveys.findById(c.number()).map(SurveyResponse::score).orElse(null));
        model.addAttribute("surveyOpen", c.state() == CaseState.CLOSED && !surveys.existsById(c.number()));
        model.addAttribute("returnLabelOffered", returnLabels.offered(c));
        return "track";
    }

    /** The return label of the defective board to send back, as PDF (404 while there is none to send). */
    @GetMapping("/track/{token}/return-label.pdf")
    ResponseEntity<byte[]> returnLabel(@PathVariable String token) {
        CaseView c = caseOf(token);
        byte[] pdf = returnLabels.pdf(c).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"return-label-" + c.number() + ".pdf\"")
                .body(pdf);
    }

    @PostMapping("/track/{token}/survey")
    @Transactional
    String answerSurvey(@PathVariable String token, @RequestParam int score,
                        @RequestParam(required = false, defaultValue = "") String comment, Model model) {
        CaseView c = caseOf(token);
        if (c.state() != CaseState.CLOSED) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "The survey opens when the case is closed.");
        }
        if (score < 1 || score > 5) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "The score is a whole number from 1 to 5.");
        }
        if (!surveys.existsById(c.number())) {
            String trimmed = comment.strip();
            surveys.save(new SurveyResponse(c.number(), score, trimmed.length() > 2000 ? trimmed.substring(0, 2000) : trimmed,
                    clock.instant()));
        }
        return "redirect:/track/" + token + "#survey";
    }

    private CaseView caseOf(String token) {
        if (!TOKEN.matcher(token).matches()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return cases.findByTrackingToken(token).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}

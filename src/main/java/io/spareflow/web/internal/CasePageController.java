package io.spareflow.web.internal;

import io.spareflow.board.BoardHistory;
import io.spareflow.board.Boards;
import io.spareflow.notify.Notifications;
import io.spareflow.rma.CaseView;
import io.spareflow.rma.Cases;
import io.spareflow.sourcing.SpareSourcing;
import io.spareflow.user.StaffUser;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriUtils;

/** Everything about one case on one page, from the public APIs of the features that hold it. */
@Controller
class CasePageController {

    private final Cases cases;
    private final Boards boards;
    private final SpareSourcing sourcing;
    private final Notifications notifications;

    CasePageController(Cases cases, Boards boards, SpareSourcing sourcing, Notifications notifications) {
        this.cases = cases;
        this.boards = boards;
        this.sourcing = sourcing;
        this.notifications = notifications;
    }

    @GetMapping("/cases/{number}")
    String casePage(@PathVariable String number, Model model, HttpServletResponse response) {
        Optional<CaseView> found = cases.find(number);
        if (found.isEmpty()) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            model.addAttribute("number", number);
            return "case-missing";
        }
        StaffUser reader = CurrentUser.require();
        CaseView view = cases.read(found.get().number(), reader);
        model.addAttribute("c", view);
        model.addAttribute("diagrams", cases.diagrams(view.number()));
        model.addAttribute("decisions", sourcing.decisionsOf(view.number()));
        // Mails name the customer's contacts and carry their tracking links: for those who speak with customers.
        if (reader.role().speaksWithCustomers()) {
            model.addAttribute("mails", notifications.forCase(view.number()));
        }
        model.addAttribute("custody", custodyOf(view));
        return "case";
    }

    /** The "open a case" box of the start page. */
    @GetMapping("/cases")
    String open(@RequestParam String number) {
        return "redirect:/cases/" + UriUtils.encodePathSegment(number.trim(), StandardCharsets.UTF_8);
    }

    /** The custody of the boards of the case, by the message key of their role: the faulty one and the spare sent for it. */
    private Map<String, BoardHistory> custodyOf(CaseView view) {
        Map<String, BoardHistory> custody = new LinkedHashMap<>();
        boards.find(view.faultySerial()).ifPresent(b -> custody.put("pages.case.faultyBoard", boards.history(b.serial())));
        if (view.spare() != null && view.spare().serial() != null) {
            boards.find(view.spare().serial()).ifPresent(b -> custody.put("pages.case.spare", boards.history(b.serial())));
        }
        return custody;
    }
}

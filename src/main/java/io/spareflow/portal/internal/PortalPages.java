package io.spareflow.portal.internal;

import io.spareflow.customer.ContactInfo;
import io.spareflow.customer.CustomerInfo;
import io.spareflow.customer.Customers;
import io.spareflow.customer.SiteInfo;
import io.spareflow.notify.CustomerReturnLabels;
import io.spareflow.part.PartInfo;
import io.spareflow.part.Parts;
import io.spareflow.rma.CaseView;
import io.spareflow.rma.Cases;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The portal's pages: sign-in by mailed link, the customer's cases (open and closed) with the customer-facing
 * timeline, their sites with the boards installed there. Every case and site is looked up within the signed-in
 * contact's customer: another customer's case is "not found", never "forbidden".
 */
@Controller
@RequestMapping("/portal")
class PortalPages {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,189}\\.[^@\\s.]{1,63}");
    private static final int MAX_CASES = 500;

    private final SignInLinks links;
    private final SignInThrottle throttle;
    private final PortalSessions sessions;
    private final PortalSettings settings;
    private final ContactScope scope;
    private final Customers customers;
    private final Cases cases;
    private final Parts parts;
    private final CustomerReturnLabels returnLabels;
    private final PortalTexts texts;

    PortalPages(SignInLinks links, SignInThrottle throttle, PortalSessions sessions, PortalSettings settings,
                ContactScope scope, Customers customers, Cases cases, Parts parts, CustomerReturnLabels returnLabels,
                PortalTexts texts) {
        this.links = links;
        this.throttle = throttle;
        this.sessions = sessions;
        this.settings = settings;
        this.scope = scope;
        this.customers = customers;
        this.cases = cases;
        this.parts = parts;
        this.returnLabels = returnLabels;
        this.texts = texts;
    }

    @GetMapping
    String start() {
        return PortalSessions.current().isPresent() ? "redirect:/portal/cases" : "portal/sign-in";
    }

    /** Asks for a sign-in link: the same answer, at once, whether or not the address is a contact's. */
    @PostMapping("/sign-in")
    ModelAndView requestLink(@RequestParam(defaultValue = "") String email, HttpServletRequest request) {
        String address = email.strip();
        if (address.length() > 254 || !EMAIL.matcher(address).matches()) {
            return signInPage(HttpStatus.BAD_REQUEST, "portal.signIn.error.email", address);
        }
        if (!throttle.tryAcquire(address, request.getRemoteAddr())) {
            return signInPage(HttpStatus.TOO_MANY_REQUESTS, "portal.signIn.error.tooMany", address)
                    .addObject("windowMinutes", settings.throttleWindow().toMinutes());
        }
        links.request(address);
        return new ModelAndView("portal/link-sent", Map.of("email", address, "validMinutes", settings.linkValidity().toMinutes()));
    }

    /** The link from the mail opens a page with one button, so a mail scanner that fetches links does not use it up. */
    @GetMapping("/sign-in/{token}")
    ModelAndView confirm(@PathVariable String token) {
        if (!SignInLinks.wellFormed(token)) {
            return signInPage(HttpStatus.GONE, "portal.signIn.error.link", "");
        }
        return new ModelAndView("portal/confirm", Map.of("token", token));
    }

    @PostMapping("/sign-in/{token}")
    ModelAndView signIn(@PathVariable String token, HttpServletRequest request, HttpServletResponse response) {
        Optional<ContactInfo> contact = links.redeem(token);
        if (contact.isEmpty()) {
            return signInPage(HttpStatus.GONE, "portal.signIn.error.link", "");
        }
        sessions.signIn(PortalContact.of(contact.get()), request, response);
        return new ModelAndView("redirect:/portal/cases");
    }

    @GetMapping("/cases")
    String cases(Model model) {
        CustomerInfo customer = scope.customer();
        model.addAttribute("customer", customer);
        model.addAttribute("sites", customer.sites().stream().collect(Collectors.toMap(SiteInfo::id, Function.identity())));
        model.addAttribute("cases", cases.search(null, null, customer.code(), MAX_CASES));
        return "portal/cases";
    }

    @GetMapping("/cases/{number}")
    ModelAndView caseOf(@PathVariable String number) {
        Optional<CaseView> found = scope.ownCase(number);
        if (found.isEmpty()) {
            return missing(number);
        }
        CaseView c = found.get();
        SiteInfo site = customers.requireSite(c.siteId());
        ModelAndView page = new ModelAndView("portal/case");
        page.addObject("case", c);
        page.addObject("site", site);
        page.addObject("zone", site.zone());
        page.addObject("timeline", texts.timeline(c));
        page.addObject("returnLabelOffered", returnLabels.offered(c));
        return page;
    }

    @GetMapping("/cases/{number}/return-label.pdf")
    ResponseEntity<byte[]> returnLabel(@PathVariable String number) {
        return scope.ownCase(number).flatMap(c -> returnLabels.pdf(c).map(pdf -> ResponseEntity.ok()
                        .contentType(MediaType.APPLICATION_PDF)
                        .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"return-label-" + c.number() + ".pdf\"")
                        .body(pdf)))
                .orElseGet(() -> ResponseEntity.notFound().build());
    }

    @GetMapping("/sites")
    String sites(Model model) {
        CustomerInfo customer = scope.customer();
        model.addAttribute("customer", customer);
        model.addAttribute("installed", scope.installedBoards(customer));
        model.addAttribute("parts", parts.all().stream().collect(Collectors.toMap(PartInfo::partNumber, Function.identity())));
        return "portal/sites";
    }

    private ModelAndView missing(String number) {
        ModelAndView page = new ModelAndView("portal/missing", HttpStatus.NOT_FOUND);
        page.addObject("number", number);
        return page;
    }

    private static ModelAndView signInPage(HttpStatus status, String errorKey, String email) {
        ModelAndView page = new ModelAndView("portal/sign-in", status);
        page.addObject("errorKey", errorKey);
        page.addObject("email", email);
        return page;
    }
}

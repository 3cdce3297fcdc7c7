package io.spareflow.web.internal;

import io.spareflow.common.InvalidInputException;
import io.spareflow.common.Message;
import io.spareflow.common.Texts;
import io.spareflow.part.ProductLine;
import io.spareflow.training.Certification;
import io.spareflow.training.CertificationLevel;
import io.spareflow.training.Certifications;
import io.spareflow.training.NewCertification;
import io.spareflow.user.Role;
import io.spareflow.user.Users;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriUtils;

/** Training certifications: those expiring within 30 days, and one person's, with forms to record and revoke. */
@Controller
class CertificationPageController {

    private static final int EXPIRING_DAYS = 30;

    private final Certifications certifications;
    private final Users users;
    private final Texts texts;

    CertificationPageController(Certifications certifications, Users users, Texts texts) {
        this.certifications = certifications;
        this.users = users;
        this.texts = texts;
    }

    @GetMapping("/admin/certifications")
    String page(@RequestParam(required = false) String user, Model model) {
        model.addAttribute("expiring", certifications.expiringWithin(EXPIRING_DAYS));
        model.addAttribute("days", EXPIRING_DAYS);
        model.addAttribute("holders", Stream.of(Role.TECHNICIAN, Role.AGENT).flatMap(r -> users.withRole(r).stream()).toList());
        model.addAttribute("lines", ProductLine.values());
        model.addAttribute("levels", CertificationLevel.values());
        model.addAttribute("today", certifications.today());
        if (user != null && !user.isBlank() && users.find(user).isPresent()) {
            model.addAttribute("user", user);
            model.addAttribute("held", certifications.of(user));
        } else {
            model.addAttribute("held", List.<Certification>of());
        }
        return "admin/certifications";
    }

    @PostMapping("/admin/certifications/{user}")
    String issue(@PathVariable String user, @RequestParam Map<String, String> form, RedirectAttributes flash) {
        FormOutcome.tell(flash, texts, () -> {
            Certification issued = certifications.issue(user, new NewCertification(
                    choice(ProductLine.values(), form.get("productLine"), "productLine"),
                    choice(CertificationLevel.values(), form.get("level"), "level"), form.get("issuedBy"),
                    day(form.get("validFrom"), "validFrom"), day(form.get("validUntil"), "validUntil")));
            return texts.get("training.page.issued", issued.level(), issued.productLine(), user, issued.validUntil());
        });
        return "redirect:/admin/certifications?user=" + UriUtils.encodeQueryParam(user, StandardCharsets.UTF_8);
    }

    @PostMapping("/admin/certifications/{user}/{id}/revoke")
    String revoke(@PathVariable String user, @PathVariable long id, RedirectAttributes flash) {
        FormOutcome.tell(flash, texts, () -> {
            certifications.revoke(user, id);
            return texts.get("training.page.revoked", id, user);
        });
        return "redirect:/admin/certifications?user=" + UriUtils.encodeQueryParam(user, StandardCharsets.UTF_8);
    }

    private <E extends Enum<E>> E choice(E[] values, String value, String field) {
        return Arrays.stream(values).filter(v -> v.name().equals(value)).findFirst()
                .orElseThrow(() -> new InvalidInputException(Message.of("training.page.choose", field, Arrays.toString(values))));
    }

    private LocalDate day(String value, String field) {
        try {
            return LocalDate.parse(value == null ? "" : value.trim());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(Message.of("training.page.date", field, value));
        }
    }
}

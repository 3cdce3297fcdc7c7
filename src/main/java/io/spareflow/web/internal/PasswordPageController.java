package io.spareflow.web.internal;

import io.spareflow.common.InvalidInputException;
import io.spareflow.common.Message;
import io.spareflow.common.Texts;
import io.spareflow.user.Passwords;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Passwords on pages: everyone's own change, the page a mailed one-time link opens, and the sign-in page of a
 * throttled attempt (status 429 is set before it is shown).
 */
@Controller
class PasswordPageController {

    private final Passwords passwords;
    private final Texts texts;

    PasswordPageController(Passwords passwords, Texts texts) {
        this.passwords = passwords;
        this.texts = texts;
    }

    @RequestMapping("/login/throttled")
    String throttled(HttpServletRequest request, Model model) {
        model.addAttribute("throttledMinutes", request.getAttribute("throttledMinutes"));
        return "login";
    }

    @GetMapping("/account/password")
    String changeForm() {
        return "account/password";
    }

    @PostMapping("/account/password")
    String change(@RequestParam String current, @RequestParam("new") String next,
                  @RequestParam String confirm, Model model, HttpServletResponse response, RedirectAttributes flash) {
        try {
            if (!next.equals(confirm)) {
                throw new InvalidInputException(Message.of("people.password.confirmDiffers"));
            }
            passwords.change(CurrentUser.require().username(), current, next);
        } catch (InvalidInputException refused) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("error", texts.get(refused.detail()));
            return "account/password";
        }
        flash.addFlashAttribute("ok", texts.get("people.password.changed"));
        return "redirect:/account/password";
    }

    @GetMapping("/password-reset/{token}")
    String linkForm(@PathVariable String token, Model model, HttpServletResponse response) {
        model.addAttribute("token", token);
        if (passwords.linkHolder(token).isEmpty()) {
            response.setStatus(HttpServletResponse.SC_GONE);
            model.addAttribute("error", texts.get("people.password.linkInvalid"));
            model.addAttribute("invalid", true);
        }
        return "account/password-link";
    }

    @PostMapping("/password-reset/{token}")
    String setWithLink(@PathVariable String token, @RequestParam String password, @RequestParam String confirm,
                       Model model, HttpServletResponse response) {
        model.addAttribute("token", token);
        try {
            if (!password.equals(confirm)) {
                throw new InvalidInputException(Message.of("people.password.confirmDiffers"));
            }
            passwords.setWithLink(token, password);
        } catch (InvalidInputException refused) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("error", texts.get(refused.detail()));
            model.addAttribute("invalid", passwords.linkHolder(token).isEmpty());
            return "account/password-link";
        }
        return "redirect:/login?passwordSet";
    }
}

package io.spareflow.user.internal;

import io.spareflow.common.Languages;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.util.Locale;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.LocaleResolver;

/** The language switch in the page header: remembers the choice for the signed-in user and returns to their page. */
@Controller
class LanguageController {

    private final LocaleResolver language;

    LanguageController(LocaleResolver language) {
        this.language = language;
    }

    @PostMapping("/account/language")
    String change(@RequestParam String language, HttpServletRequest request, HttpServletResponse response) {
        Locale chosen = Languages.of(language).orElseThrow(() -> new ResponseStatusException(HttpStatus.BAD_REQUEST));
        this.language.setLocale(request, response, chosen);
        return "redirect:" + pageBefore(request.getHeader(HttpHeaders.REFERER));
    }

    /** The path of the page the switch was on; only a path, so the redirect never leaves this site. */
    private static String pageBefore(String referer) {
        try {
            URI page = referer == null ? null : URI.create(referer);
            if (page == null || page.getRawPath() == null || !page.getRawPath().startsWith("/")
                    || page.getRawPath().startsWith("//")) {
                return "/";
            }
            return page.getRawPath() + (page.getRawQuery() == null ? "" : "?" + page.getRawQuery());
        } catch (IllegalArgumentException malformed) {
            return "/";
        }
    }
}

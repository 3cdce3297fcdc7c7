package io.spareflow.user.internal;

import io.spareflow.common.Languages;
import io.spareflow.user.StaffUser;
import io.spareflow.user.Users;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The language of a request. Pages: the signed-in user's stored choice, else the browser's {@code Accept-Language},
 * else English. The API: an {@code Accept-Language} naming a language we speak wins (a client states it per request),
 * else the user's choice, else English. Choosing a language stores it for the user and puts it into their session
 * at once.
 */
@Component(DispatcherServlet.LOCALE_RESOLVER_BEAN_NAME)
class PreferredLanguage implements LocaleResolver {

    private final Users users;
    private final SessionRegistry sessions;
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

    PreferredLanguage(Users users, SessionRegistry sessions) {
        this.users = users;
        this.sessions = sessions;
    }

    @Override
    public Locale resolveLocale(HttpServletRequest request) {
        Optional<Locale> asked = Languages.fromAcceptLanguage(request.getHeader(HttpHeaders.ACCEPT_LANGUAGE));
        Optional<Locale> chosen = Users.current().map(StaffUser::chosenLanguage);
        Optional<Locale> first = isApi(request) ? asked.or(() -> chosen) : chosen.or(() -> asked);
        return first.orElse(Languages.ENGLISH);
    }

    /** Stores {@code locale} as the signed-in user's language; without a signed-in staff user there is nobody to remember it for. */
    @Override
    public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (!(auth != null && auth.getPrincipal() instanceof StaffUser user)) {
            return;
        }
        StaffUser speaking = users.changeLanguage(user.username(), locale);
        UsernamePasswordAuthenticationToken replaced = UsernamePasswordAuthenticationToken.authenticated(speaking, null,
                auth.getAuthorities());
        replaced.setDetails(auth.getDetails());
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(replaced);
        SecurityContextHolder.setContext(context);
        if (request.getSession(false) != null) {
            contexts.saveContext(context, request, response);
            sessions.registerNewSession(request.getSession().getId(), speaking);
        }
    }

    private static boolean isApi(HttpServletRequest request) {
        return request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    }
}

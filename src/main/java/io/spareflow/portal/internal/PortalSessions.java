package io.spareflow.portal.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.stereotype.Component;

/**
 * Portal sign-ins live in the HTTP session under a key of their own, apart from the staff's security context: the
 * two never see each other's authentication.
 */
@Component
class PortalSessions {

    private static final String CONTEXT_KEY = "SPAREFLOW_PORTAL_SECURITY_CONTEXT";

    private final HttpSessionSecurityContextRepository contexts = new HttpSessionSecurityContextRepository();
    /** Where Spring Security keeps the session's CSRF token by default (both filter chains use it). */
    private final HttpSessionCsrfTokenRepository csrfTokens = new HttpSessionCsrfTokenRepository();

    PortalSessions() {
        contexts.setSpringSecurityContextKey(CONTEXT_KEY);
    }

    HttpSessionSecurityContextRepository contexts() {
        return contexts;
    }

    /** Signs the contact in: a new session id (no fixation) and CSRF token, the contact's context saved in it. */
    void signIn(PortalContact contact, HttpServletRequest request, HttpServletResponse response) {
        request.getSession(true);
        request.changeSessionId();
        csrfTokens.saveToken(null, request, response);
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new PortalContact.Authentication(contact));
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
    }

    /** The contact of the current portal request, if signed in. */
    static Optional<PortalContact> current() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getPrincipal() instanceof PortalContact contact ? Optional.of(contact) : Optional.empty();
    }
}

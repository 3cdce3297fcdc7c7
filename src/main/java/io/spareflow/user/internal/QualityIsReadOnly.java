package io.spareflow.user.internal;

import io.spareflow.user.Role;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Set;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * A quality manager reads and never changes anything: any request that writes is refused to the QUALITY role, except
 * to their own account (like everyone, they change their own password).
 */
final class QualityIsReadOnly {

    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");
    private static final String AUTHORITY = "ROLE_" + Role.QUALITY.name();
    private static final RequestMatcher OWN_ACCOUNT = new OrRequestMatcher(
            PathPatternRequestMatcher.withDefaults().matcher("/api/account/**"),
            PathPatternRequestMatcher.withDefaults().matcher("/account/**"));

    static final AuthorizationManager<RequestAuthorizationContext> AUTHORIZATION = (authentication, context) -> {
        var auth = authentication.get();
        boolean signedIn = auth != null && auth.isAuthenticated() && !"anonymousUser".equals(auth.getPrincipal());
        return new AuthorizationDecision(signedIn && auth.getAuthorities().stream().noneMatch(a -> AUTHORITY.equals(a.getAuthority())));
    };

    private QualityIsReadOnly() {
    }

    static boolean isWriteBeyondOwnAccount(HttpServletRequest request) {
        return !READS.contains(request.getMethod()) && !OWN_ACCOUNT.matches(request);
    }
}

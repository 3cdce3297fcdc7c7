package io.spareflow.user.internal;

import io.spareflow.user.Role;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Set;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/** A quality manager reads and never changes anything: any request that writes is refused to the QUALITY role. */
final class QualityIsReadOnly {

    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");
    private static final String AUTHORITY = "ROLE_" + Role.QUALITY.name();

    static final AuthorizationManager<RequestAuthorizationContext> AUTHORIZATION = (authentication, context) -> {
        var auth = authentication.get();
        boolean signedIn = auth != null && auth.isAuthenticated() && !"anonymousUser".equals(auth.getPrincipal());
        return new AuthorizationDecision(signedIn && auth.getAuthorities().stream().noneMatch(a -> AUTHORITY.equals(a.getAuthority())));
    };

    private QualityIsReadOnly() {
    }

    static boolean isWrite(HttpServletRequest request) {
        return !READS.contains(request.getMethod());
    }
}

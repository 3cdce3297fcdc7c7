package io.spareflow.portal.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The customers' door, separate from the staff's: its own filter chain for {@code /portal/**}, its own security
 * context in the session (under another key, so a staff sign-in is never seen here and a portal sign-in never
 * there), one authority ({@link PortalContact#AUTHORITY}) that no staff role has, CSRF protection, and pages in the
 * signed-in contact's language.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PortalSettings.class)
class PortalSecurityConfiguration {

    @Bean
    @Order(0)
    SecurityFilterChain portal(HttpSecurity http, PortalSessions sessions) throws Exception {
        PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
        return http
                .securityMatcher(new OrRequestMatcher(paths.matcher("/portal"), paths.matcher("/portal/**")))
                .securityContext(context -> context.securityContextRepository(sessions.contexts()))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(paths.matcher(HttpMethod.GET, "/portal"), paths.matcher(HttpMethod.POST, "/portal/sign-in"),
                                paths.matcher("/portal/sign-in/*")).permitAll()
                        .anyRequest().hasAuthority(PortalContact.AUTHORITY))
                .exceptionHandling(e -> e.authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint("/portal")))
                .requestCache(cache -> cache.disable())
                .logout(logout -> logout.logoutRequestMatcher(paths.matcher(HttpMethod.POST, "/portal/sign-out"))
                        .logoutSuccessUrl("/portal?signedOut"))
                .addFilterBefore(new ContactLanguage(), AuthorizationFilter.class)
                .build();
    }

    /** The portal speaks the signed-in contact's language: the request's locale is theirs, whatever the browser says. */
    static final class ContactLanguage extends OncePerRequestFilter {

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            java.util.Optional<PortalContact> contact = PortalSessions.current();
            chain.doFilter(contact.isPresent() ? new InLanguage(request, contact.get().language()) : request, response);
        }
    }

    private static final class InLanguage extends HttpServletRequestWrapper {

        private final Locale language;

        InLanguage(HttpServletRequest request, Locale language) {
            super(request);
            this.language = language;
        }

        @Override
        public Locale getLocale() {
            return language;
        }

        @Override
        public Enumeration<Locale> getLocales() {
            return Collections.enumeration(List.of(language));
        }

        @Override
        public String getHeader(String name) {
            return HttpHeaders.ACCEPT_LANGUAGE.equalsIgnoreCase(name) ? language.toLanguageTag() : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return HttpHeaders.ACCEPT_LANGUAGE.equalsIgnoreCase(name)
                    ? Collections.enumeration(List.of(language.toLanguageTag())) : super.getHeaders(name);
        }
    }
}

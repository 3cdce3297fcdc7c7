package io.spareflow.user.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.spareflow.common.Languages;
import io.spareflow.common.ProblemResponses;
import io.spareflow.common.Texts;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.jdbc.core.JdbcTemplate;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import javax.sql.DataSource;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.session.SessionRegistryImpl;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationEntryPoint;
import org.springframework.security.web.session.HttpSessionEventPublisher;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Two doors: the API (HTTP Basic, stateless, errors as problem+json) and the pages (login form, session, CSRF).
 * Camunda's webapp and its REST API are for ADMIN only; the webapp trusts the Spring session (single sign-on).
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    @Bean
    LoginThrottle loginThrottle(Clock clock,
                                @Value("${spareflow.security.login-throttle.failures:5}") int failures,
                                @Value("${spareflow.security.login-throttle.window:PT5M}") Duration window,
                                @Value("${spareflow.security.login-throttle.lockout:PT15M}") Duration lockout,
                                @Value("${spareflow.security.login-throttle.unthrottled-addresses:127.0.0.1,0:0:0:0:0:0:0:1}")
                                Set<String> unthrottled) {
        return new LoginThrottle(failures, window, lockout, unthrottled, clock);
    }

    /** The users this node has read for requests with credentials, forgotten at every change on any node. */
    @Bean
    KnownUsers knownUsers(UserLookup lookup, Clock clock,
                          @Value("${spareflow.security.user-cache.ttl:PT1M}") Duration ttl) {
        return new KnownUsers(lookup, 10_000, ttl, clock);
    }

    @Bean
    UserChangeListener userChangeListener(KnownUsers users, AccessRevocation revocation, DataSource dataSource,
                                          @Value("${spareflow.security.user-cache.reconnect-delay:PT1S}") Duration reconnectDelay) {
        return new UserChangeListener(users, revocation, dataSource, reconnectDelay);
    }

    @Bean
    AuthenticationProvider authenticationProvider(PasswordEncoder passwordEncoder, KnownUsers users, Clock clock,
                                                  LoginThrottle throttle, JdbcTemplate jdbc) {
        UserDetailsService userDetails = username -> users.find(username)
                .orElseThrow(() -> new UsernameNotFoundException("No user " + username));
        DaoAuthenticationProvider bcrypt = new DaoAuthenticationProvider(userDetails);
        bcrypt.setPasswordEncoder(passwordEncoder);
        return new ThrottledAuthenticationProvider(
                new CachedCredentialsAuthenticationProvider(bcrypt, users::find, Duration.ofMinutes(5), clock), throttle, jdbc, clock);
    }

    /**
     * No Micrometer observation around each security filter, authentication and authorization: with an observation
     * registry present, Spring Security wraps every one of its ~15 filters in an observation on every request, a
     * quarter of a request thread's CPU in the profile of docs/performance.md ("HTTP overhead"). The request as a whole
     * is still observed ({@code http.server.requests}). {@code spareflow.security.observations=true} brings them back
     * (for tracing a security problem, or to measure what they cost).
     */
    @Bean
    @ConditionalOnProperty(name = "spareflow.security.observations", havingValue = "false", matchIfMissing = true)
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    /** See {@link WithoutIntrospectorCache}: no second handler look-up per request in front of the security filters. */
    @Bean
    static BeanFactoryPostProcessor withoutIntrospectorCache() {
        return new WithoutIntrospectorCache();
    }

    /** The page sessions of each user, so that disabling a user can end theirs ({@link AccessRevocation}). */
    @Bean
    SessionRegistry sessionRegistry() {
        return new SessionRegistryImpl();
    }

    @Bean
    HttpSessionEventPublisher httpSessionEventPublisher() {
        return new HttpSessionEventPublisher();
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, ObjectMapper json, Texts texts) throws Exception {
        return http
                // Path patterns, not MVC matchers: /engine-rest is Camunda's Jersey servlet, outside Spring MVC.
                .securityMatcher(new OrRequestMatcher(path("/api/**"), path("/engine-rest/**"), path("/actuator/**")))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(path("/actuator/health"), path("/actuator/health/**"), path("/actuator/info")).permitAll()
                        .requestMatchers(path("/engine-rest/**")).hasRole("ADMIN")
                        // Administration's one guard: refused here, before the body is read (method security would
                        // answer a non-admin's invalid body with a 400 instead of a 403), so its controllers repeat none.
                        .requestMatchers(path("/api/users/**"), path("/api/audit"), path("/api/admin/**"),
                                path(HttpMethod.POST, "/api/tiers/**"), path(HttpMethod.PUT, "/api/tiers/**"),
                                path(HttpMethod.DELETE, "/api/tiers/**"), path(HttpMethod.POST, "/api/customers/**"),
                                path(HttpMethod.PUT, "/api/customers/**"), path(HttpMethod.PUT, "/api/calendars/**"),
                                path(HttpMethod.PUT, "/api/repairs/stock-targets/**")).hasRole("ADMIN")
                        .requestMatchers(path("/actuator/prometheus")).hasRole("ADMIN")
                        .requestMatchers(path("/api/kpis"), path("/api/kpis.csv"), path("/api/kpis/**"), path("/api/alerts"),
                                path("/api/alerts/**"), path("/api/monitor")).hasAnyRole("SUPERVISOR", "ADMIN", "QUALITY")
                        .requestMatchers(QualityIsReadOnly::isWriteBeyondOwnAccount).access(QualityIsReadOnly.AUTHORIZATION)
                        .anyRequest().authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint(throttledOr(unauthorized(json, texts), json, texts)))
                .exceptionHandling(e -> e.authenticationEntryPoint(unauthorized(json, texts)).accessDeniedHandler(forbidden(json, texts)))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                // No sessions here: no sign-out (its filter waits for /logout, outside these paths) and no saved requests.
                .logout(logout -> logout.disable())
                .requestCache(cache -> cache.disable())
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain pages(HttpSecurity http, ObjectMapper json, Texts texts, SessionRegistry sessions) throws Exception {
        BasicAuthenticationEntryPoint basic = new BasicAuthenticationEntryPoint();
        basic.setRealmName("Spareflow");
        return http
                .authorizeHttpRequests(auth -> auth
                        // Path patterns like every rule here: a rule given as a string would be resolved per request
                        // against the servlet the request goes to and Spring MVC's handler mappings.
                        .requestMatchers(paths("/login", "/login/throttled", "/password-reset/**", "/error", "/track/**", "/css/**",
                                "/js/**", "/img/**", "/webjars/**", "/vendor/**", "/favicon.ico", "/v3/api-docs/**", "/swagger-ui/**",
                                "/swagger-ui.html")).permitAll()
                        .requestMatchers(path("/camunda/**")).hasRole("ADMIN")
                        // The scan station asks here whether its session still lives (it answers "nobody" when not).
                        .requestMatchers(path(HttpMethod.GET, "/scan/session")).permitAll()
                        // The pages people work in, by role; scopes (own depot, own repair center) are checked per request.
                        .requestMatchers(path("/scan"), path("/scan/**")).hasAnyRole("DEPOT", "TECHNICIAN")
                        .requestMatchers(path("/depot"), path("/depot/**")).hasRole("DEPOT")
                        .requestMatchers(path("/repair"), path("/repair/**")).hasRole("TECHNICIAN")
                        .requestMatchers(path("/hotline"), path("/hotline/**")).hasAnyRole("AGENT", "SUPERVISOR")
                        .requestMatchers(path(HttpMethod.GET, "/monitor"), path(HttpMethod.GET, "/monitor/live")).hasAnyRole("SUPERVISOR", "QUALITY")
                        .requestMatchers(path("/monitor"), path("/monitor/**")).hasRole("SUPERVISOR")
                        .requestMatchers(path("/kpis"), path("/kpis/**")).hasAnyRole("SUPERVISOR", "ADMIN", "QUALITY")
                        .requestMatchers(path("/admin"), path("/admin/**")).hasRole("ADMIN")
                        .requestMatchers(path("/labels/**")).hasAnyRole("DEPOT", "TECHNICIAN", "SUPERVISOR", "ADMIN")
                        .requestMatchers(QualityIsReadOnly::isWriteBeyondOwnAccount).access(QualityIsReadOnly.AUTHORIZATION)
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login").permitAll().defaultSuccessUrl("/", false)
                        .failureHandler(formFailure()))
                .sessionManagement(s -> s.maximumSessions(-1).sessionRegistry(sessions).expiredUrl("/login?ended"))
                .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
                // Camunda's webapp carries its own CSRF protection (X-XSRF-TOKEN); Spring's would reject its calls.
                .csrf(csrf -> csrf.ignoringRequestMatchers(path("/camunda/**")))
                .httpBasic(b -> b.authenticationEntryPoint(throttledOr(basic, json, texts)))
                .build();
    }

    /** A throttled form sign-in is answered 429 with Retry-After and the sign-in page saying for how long. */
    private static AuthenticationFailureHandler formFailure() {
        SimpleUrlAuthenticationFailureHandler wrong = new SimpleUrlAuthenticationFailureHandler("/login?error");
        return (request, response, e) -> {
            if (e instanceof LoginThrottledException throttled) {
                response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
                response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(throttled.retryAfterSeconds()));
                request.setAttribute("throttledMinutes", (throttled.retryAfterSeconds() + 59) / 60);
                request.getRequestDispatcher("/login/throttled").forward(request, response);
            } else {
                wrong.onAuthenticationFailure(request, response, e);
            }
        };
    }

    /** HTTP Basic: a throttled attempt is a 429 problem with Retry-After, any other failure goes to {@code fallback}. */
    private static AuthenticationEntryPoint throttledOr(AuthenticationEntryPoint fallback, ObjectMapper json, Texts texts) {
        return (request, response, e) -> {
            if (e instanceof LoginThrottledException throttled) {
                response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(throttled.retryAfterSeconds()));
                Locale language = language(request);
                write(json, response, ProblemResponses.problem(HttpStatus.TOO_MANY_REQUESTS,
                        texts.in(language, "people.login.throttledTitle"),
                        texts.in(language, "people.login.throttled", (throttled.retryAfterSeconds() + 59) / 60)));
            } else {
                fallback.commence(request, response, e);
            }
        };
    }

    private static RequestMatcher[] paths(String... patterns) {
        return Arrays.stream(patterns).map(SecurityConfiguration::path).toArray(RequestMatcher[]::new);
    }

    private static RequestMatcher path(String pattern) {
        return PathPatternRequestMatcher.withDefaults().matcher(pattern);
    }

    private static RequestMatcher path(HttpMethod method, String pattern) {
        return PathPatternRequestMatcher.withDefaults().matcher(method, pattern);
    }

    private static AuthenticationEntryPoint unauthorized(ObjectMapper json, Texts texts) {
        return (request, response, e) -> {
            response.setHeader("WWW-Authenticate", "Basic realm=\"Spareflow\"");
            Locale language = language(request);
            write(json, response, ProblemResponses.problem(HttpStatus.UNAUTHORIZED,
                    texts.in(language, "problem.title.unauthorized"), texts.in(language, "problem.unauthorized")));
        };
    }

    private static AccessDeniedHandler forbidden(ObjectMapper json, Texts texts) {
        return (request, response, e) -> {
            Locale language = language(request);
            write(json, response, ProblemResponses.problem(HttpStatus.FORBIDDEN, texts.in(language, "problem.title.forbidden"),
                    texts.in(language, "problem.forbidden", request.getMethod(), request.getRequestURI())));
        };
    }

    /**
     * The language of a refusal at the door, before the user is known: what the client asks for, else English (the
     * servlet's own guess would be the server's language).
     */
    private static Locale language(HttpServletRequest request) {
        return Languages.fromAcceptLanguage(request.getHeader(HttpHeaders.ACCEPT_LANGUAGE)).orElse(Languages.ENGLISH);
    }

    private static void write(ObjectMapper json, HttpServletResponse response, ProblemDetail problem)
            throws java.io.IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}

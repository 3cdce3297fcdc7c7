package io.spareflow.user.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.spareflow.common.ProblemResponses;
import io.spareflow.user.Users;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import java.time.Clock;
import java.time.Duration;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
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
    AuthenticationProvider authenticationProvider(PasswordEncoder passwordEncoder, Users users, Clock clock) {
        UserDetailsService userDetails = username -> users.find(username)
                .orElseThrow(() -> new UsernameNotFoundException("No user " + username));
        DaoAuthenticationProvider bcrypt = new DaoAuthenticationProvider(userDetails);
        bcrypt.setPasswordEncoder(passwordEncoder);
        return new CachedCredentialsAuthenticationProvider(bcrypt, users::find, Duration.ofMinutes(5), clock);
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, ObjectMapper json) throws Exception {
        return http
                // Path patterns, not MVC matchers: /engine-rest is Camunda's Jersey servlet, outside Spring MVC.
                .securityMatcher(new OrRequestMatcher(path("/api/**"), path("/engine-rest/**"), path("/actuator/**")))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(path("/actuator/health"), path("/actuator/health/**"), path("/actuator/info")).permitAll()
                        .requestMatchers(path("/engine-rest/**")).hasRole("ADMIN")
                        .requestMatchers(path(HttpMethod.PUT, "/api/tiers/**")).hasRole("ADMIN")
                        .anyRequest().authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint(unauthorized(json)))
                .exceptionHandling(e -> e.authenticationEntryPoint(unauthorized(json)).accessDeniedHandler(forbidden(json)))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain pages(HttpSecurity http) throws Exception {
        return http
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/login", "/error", "/track/**", "/css/**", "/js/**", "/img/**", "/webjars/**",
                                "/vendor/**", "/favicon.ico", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html").permitAll()
                        .requestMatchers(path("/camunda/**")).hasRole("ADMIN")
                        // The scan station asks here whether its session still lives (it answers "nobody" when not).
                        .requestMatchers(path(HttpMethod.GET, "/scan/session")).permitAll()
                        // The pages people work in, by role; scopes (own depot, own repair center) are checked per request.
                        .requestMatchers(path("/scan"), path("/scan/**")).hasAnyRole("DEPOT", "TECHNICIAN")
                        .requestMatchers(path("/depot"), path("/depot/**")).hasRole("DEPOT")
                        .requestMatchers(path("/repair"), path("/repair/**")).hasRole("TECHNICIAN")
                        .requestMatchers(path("/hotline"), path("/hotline/**")).hasAnyRole("AGENT", "SUPERVISOR")
                        .requestMatchers(path("/monitor"), path("/monitor/**")).hasRole("SUPERVISOR")
                        .requestMatchers(path("/admin"), path("/admin/**")).hasRole("ADMIN")
                        .requestMatchers(path("/labels/**")).hasAnyRole("DEPOT", "TECHNICIAN", "SUPERVISOR", "ADMIN")
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login").permitAll().defaultSuccessUrl("/", false))
                .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
                // Camunda's webapp carries its own CSRF protection (X-XSRF-TOKEN); Spring's would reject its calls.
                .csrf(csrf -> csrf.ignoringRequestMatchers(path("/camunda/**")))
                .httpBasic(Customizer.withDefaults())
                .build();
    }

    private static RequestMatcher path(String pattern) {
        return PathPatternRequestMatcher.withDefaults().matcher(pattern);
    }

    private static RequestMatcher path(HttpMethod method, String pattern) {
        return PathPatternRequestMatcher.withDefaults().matcher(method, pattern);
    }

    private static AuthenticationEntryPoint unauthorized(ObjectMapper json) {
        return (request, response, e) -> {
            response.setHeader("WWW-Authenticate", "Basic realm=\"Spareflow\"");
            write(json, response, ProblemResponses.problem(HttpStatus.UNAUTHORIZED, "Unauthorized",
                    "This API needs HTTP Basic credentials of a Spareflow user; none were given or they are wrong."));
        };
    }

    private static AccessDeniedHandler forbidden(ObjectMapper json) {
        return (request, response, e) -> write(json, response, ProblemResponses.problem(HttpStatus.FORBIDDEN, "Forbidden",
                "Your role may not do this: " + request.getMethod() + " " + request.getRequestURI()));
    }

    private static void write(ObjectMapper json, HttpServletResponse response, ProblemDetail problem)
            throws java.io.IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}

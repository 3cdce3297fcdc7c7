package io.spareflow.platform;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.engine.rest.security.auth.impl.ContainerBasedAuthenticationProvider;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Cockpit and Tasklist trust the Spring Security session: an ADMIN signed in to Spareflow is signed in to Camunda's
 * webapp, in the {@code camunda-admin} group; nobody else reaches it (the URL is ADMIN-only).
 */
@Configuration(proxyBeanMethods = false)
class CamundaWebappSingleSignOn {

    @Bean
    FilterRegistrationBean<ContainerBasedAuthenticationFilter> camundaWebappAuthentication() {
        FilterRegistrationBean<ContainerBasedAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ContainerBasedAuthenticationFilter());
        registration.setInitParameters(Map.of(
                "authentication-provider", SpringSessionAuthentication.class.getName()));
        registration.addUrlPatterns("/camunda/*");
        registration.setOrder(101);
        return registration;
    }

    public static class SpringSessionAuthentication extends ContainerBasedAuthenticationProvider {

        @Override
        public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
            Authentication auth = SecurityContextHolder.getContext().getAuthentication();
            if (auth == null || !auth.isAuthenticated()) {
                return AuthenticationResult.unsuccessful();
            }
            AuthenticationResult result = AuthenticationResult.successful(auth.getName());
            boolean admin = auth.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_ADMIN"));
            result.setGroups(admin ? List.of("camunda-admin") : List.of());
            return result;
        }
    }
}

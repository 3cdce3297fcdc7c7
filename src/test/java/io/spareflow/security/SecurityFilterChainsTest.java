package io.spareflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.spareflow.SpareflowIntegrationTest;
import io.spareflow.user.StaffUser;
import io.spareflow.user.Users;
import io.spareflow.user.internal.UserLookup;
import jakarta.servlet.Filter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.web.FilterChainProxy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.logout.LogoutFilter;
import org.springframework.security.web.savedrequest.RequestCacheAwareFilter;

/**
 * What every request runs in front of the controllers (docs/performance.md, "Issue 15, fourth session"): Spring
 * Security's own filter chains with nothing put in front of them, and the API's chain without the filters of
 * sessions; the user look-up of each request answers what the user administration stored.
 */
@SpareflowIntegrationTest
class SecurityFilterChainsTest {

    @Autowired
    @Qualifier("springSecurityFilterChain")
    Filter springSecurityFilterChain;
    @Autowired
    UserLookup lookup;
    @Autowired
    Users users;

    @Test
    void theSecurityFiltersRunWithoutAHandlerLookUpInFrontOfThem() {
        // Spring Security's default replaces the bean by WebMvcSecurityConfiguration's composite, whose first filter
        // is Spring MVC's HandlerMappingIntrospector cache filter.
        assertThat(springSecurityFilterChain).isInstanceOf(FilterChainProxy.class);
        assertThat(springSecurityFilterChain.getClass().getName()).doesNotContain("WebMvcSecurityConfiguration");
    }

    @Test
    void theApiChainHasNoSignOutAndSavesNoRequests() {
        List<Filter> api = ((FilterChainProxy) springSecurityFilterChain).getFilterChains().stream()
                .filter(chain -> chain.matches(new MockHttpServletRequest("POST", "/api/scans")))
                .findFirst().map(SecurityFilterChain::getFilters).orElseThrow();
        assertThat(api).noneMatch(LogoutFilter.class::isInstance).noneMatch(RequestCacheAwareFilter.class::isInstance);
    }

    @Test
    void theLookUpOfEachRequestReadsTheUserAsTheAdministrationStoredThem() {
        StaffUser stored = users.require("depot-CTU");
        assertThat(lookup.find(" depot-CTU ")).contains(stored);
        assertThat(lookup.find("nobody-of-that-name")).isEmpty();
        assertThat(lookup.find(null)).isEmpty();
    }
}

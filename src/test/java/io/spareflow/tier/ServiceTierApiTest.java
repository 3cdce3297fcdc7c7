package io.spareflow.tier;

import static org.assertj.core.api.Assertions.assertThat;

import io.spareflow.SpareflowIntegrationTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

@SpareflowIntegrationTest
class ServiceTierApiTest {

    @Autowired
    TestRestTemplate rest;

    @Autowired
    ServiceTiers tiers;

    @Test
    void theFourTiersWithTheirLimits() {
        List<ServiceTier> all = rest.withBasicAuth("agent", "demo").exchange("/api/tiers", HttpMethod.GET, null,
                new ParameterizedTypeReference<List<ServiceTier>>() { }).getBody().stream()
                .filter(t -> List.of("PLATINUM", "GOLD", "SILVER", "BRONZE").contains(t.name())).toList();
        // Other tests create tiers of their own (which their contracts keep); the seeded four come in this order.
        assertThat(all).extracting(ServiceTier::name).containsExactly("PLATINUM", "GOLD", "SILVER", "BRONZE");
        ServiceTier platinum = all.get(0);
        assertThat(platinum.calendar()).isEqualTo(TierCalendar.ALWAYS);
        assertThat(platinum.acceptMinutes()).isEqualTo(15);
        assertThat(platinum.remoteDiagnosisMinutes()).isEqualTo(30);
        assertThat(platinum.spareOnSiteMinutes()).isEqualTo(240);
        assertThat(all.get(3).advanceExchange()).isFalse();
        assertThat(all).allSatisfy(t -> {
            assertThat(t.defectiveReturnDays()).isEqualTo(10);
            assertThat(t.overdueChargeDays()).isEqualTo(30);
        });
    }

    @Test
    void anAdminChangesATierAndItIsStored() {
        ServiceTier before = tiers.require("SILVER");
        Map<String, Object> body = asMap(before);
        body.put("acceptMinutes", 180);
        try {
            ResponseEntity<ServiceTier> response = rest.withBasicAuth("admin", "demo")
                    .exchange("/api/tiers/silver", HttpMethod.PUT, json(body), ServiceTier.class);
            assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(response.getBody().acceptMinutes()).isEqualTo(180);
            assertThat(tiers.require("SILVER").acceptMinutes()).isEqualTo(180);
        } finally {
            tiers.update("SILVER", before);
        }
    }

    @Test
    void invalidLimitsAreRefusedFieldByFieldAndNothingChanges() {
        ServiceTier before = tiers.require("GOLD");
        Map<String, Object> body = asMap(before);
        body.put("acceptMinutes", 0);
        body.put("advanceExchange", true);
        body.put("spareOnSiteMinutes", null);
        ResponseEntity<Map> response = rest.withBasicAuth("admin", "demo")
                .exchange("/api/tiers/GOLD", HttpMethod.PUT, json(body), Map.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        Map<String, String> errors = (Map<String, String>) response.getBody().get("errors");
        assertThat(errors).containsKeys("acceptMinutes", "spareLimitConsistent");
        assertThat(tiers.require("GOLD")).isEqualTo(before);
    }

    @Test
    void aWrongEnumValueNamesTheAllowedOnes() {
        Map<String, Object> body = asMap(tiers.require("GOLD"));
        body.put("calendar", "WEEKLY");
        ResponseEntity<Map> response = rest.withBasicAuth("admin", "demo")
                .exchange("/api/tiers/GOLD", HttpMethod.PUT, json(body), Map.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((String) response.getBody().get("detail")).contains("calendar").contains("WEEKLY")
                .contains("ALWAYS").contains("BUSINESS_HOURS");
    }

    @Test
    void unknownTierIs404AndRenamingIsRefused() {
        ResponseEntity<Map> unknown = rest.withBasicAuth("admin", "demo").getForEntity("/api/tiers/DIAMOND", Map.class);
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat((String) unknown.getBody().get("detail")).contains("DIAMOND");
        Map<String, Object> body = asMap(tiers.require("GOLD"));
        body.put("name", "SILVER");
        assertThat(rest.withBasicAuth("admin", "demo").exchange("/api/tiers/GOLD", HttpMethod.PUT, json(body), Map.class)
                .getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void anAdminCreatesATierAndDeletesItWhileNoContractNamesIt() {
        String name = "T" + System.nanoTime() % 1_000_000;
        Map<String, Object> body = asMap(tiers.require("GOLD"));
        body.put("name", name.toLowerCase());
        body.put("description", "Test tier");
        ResponseEntity<ServiceTier> created = rest.withBasicAuth("admin", "demo")
                .exchange("/api/tiers", HttpMethod.POST, json(body), ServiceTier.class);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(created.getBody().name()).isEqualTo(name);
        assertThat(tiers.require(name).acceptMinutes()).isEqualTo(tiers.require("GOLD").acceptMinutes());

        ResponseEntity<Map> again = rest.withBasicAuth("admin", "demo").exchange("/api/tiers", HttpMethod.POST, json(body), Map.class);
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat((String) again.getBody().get("detail")).contains(name).contains("exists");

        assertThat(rest.withBasicAuth("admin", "demo").exchange("/api/tiers/" + name, HttpMethod.DELETE, null, Void.class)
                .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(tiers.find(name)).isEmpty();
    }

    @Test
    void aTierThatContractsNameIsNotDeletedAndANewTierNeedsAName() {
        ResponseEntity<Map> used = rest.withBasicAuth("admin", "demo").exchange("/api/tiers/GOLD", HttpMethod.DELETE, null, Map.class);
        assertThat(used.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat((String) used.getBody().get("detail")).contains("GOLD").contains("contract");
        assertThat(tiers.find("GOLD")).isPresent();

        Map<String, Object> body = asMap(tiers.require("GOLD"));
        body.put("name", "no spaces allowed");
        ResponseEntity<Map> unnamed = rest.withBasicAuth("admin", "demo").exchange("/api/tiers", HttpMethod.POST, json(body), Map.class);
        assertThat(unnamed.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((String) unnamed.getBody().get("detail")).contains("name");
        assertThat(rest.withBasicAuth("agent", "demo").exchange("/api/tiers/GOLD", HttpMethod.DELETE, null, Map.class)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    private static Map<String, Object> asMap(ServiceTier t) {
        Map<String, Object> m = new HashMap<>();
        m.put("name", t.name());
        m.put("description", t.description());
        m.put("calendar", t.calendar().name());
        m.put("acceptMinutes", t.acceptMinutes());
        m.put("remoteDiagnosisMinutes", t.remoteDiagnosisMinutes());
        m.put("advanceExchange", t.advanceExchange());
        m.put("spareOnSiteMinutes", t.spareOnSiteMinutes());
        m.put("defectiveReturnDays", t.defectiveReturnDays());
        m.put("defectiveReturnReminderDays", t.defectiveReturnReminderDays());
        m.put("overdueChargeDays", t.overdueChargeDays());
        return m;
    }

    private static HttpEntity<Object> json(Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(body, headers);
    }
}

package io.spareflow.customer;

import static io.spareflow.user.UserFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.spareflow.SpareflowIntegrationTest;
import io.spareflow.rma.RmaApiTestSupport;
import io.spareflow.tier.ServiceTier;
import io.spareflow.tier.ServiceTiers;
import io.spareflow.tier.TierCalendar;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

@SpareflowIntegrationTest
class CustomerAdministrationApiTest extends RmaApiTestSupport {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    ServiceTiers tiers;
    @Autowired
    Customers customers;
    @Autowired
    ObjectMapper json;

    private final String run = UUID.randomUUID().toString().substring(0, 6).toUpperCase();

    @Test
    void anAdminSetsUpACustomerWithSiteContactAndContractEveryStepAudited() {
        String code = "C" + run;
        assertThat(post("/api/customers", Map.of("code", code, "name", "Test Telecom", "country", "EC")).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        JsonNode site = post("/api/customers/" + code + "/sites", site("Quito core", "America/Guayaquil")).getBody();
        JsonNode contact = post("/api/customers/" + code + "/contacts",
                Map.of("name", "NOC", "email", "noc@" + code.toLowerCase() + ".example", "locale", "zh-CN")).getBody();
        ResponseEntity<JsonNode> contract = post("/api/customers/" + code + "/contracts", Map.of("contractNumber", code + "-1",
                "tier", "gold", "validFrom", LocalDate.now().minusDays(1).toString(), "validTo", LocalDate.now().plusYears(1).toString()));
        assertThat(contract.getStatusCode()).isEqualTo(HttpStatus.CREATED);

        JsonNode customer = rest.withBasicAuth("agent", "demo").getForObject("/api/customers/" + code, JsonNode.class);
        assertThat(customer.get("tier").asText()).isEqualTo("GOLD");
        assertThat(customer.at("/sites/0/timeZone").asText()).isEqualTo("America/Guayaquil");
        assertThat(customer.at("/contacts/0/locale").asText()).isEqualTo("zh-CN");

        ResponseEntity<JsonNode> moved = rest.withBasicAuth("admin", "demo").exchange("/api/customers/" + code + "/sites/"
                + site.get("id").asLong(), HttpMethod.PUT, json(site("Quito core", "America/Bogota")), JsonNode.class);
        assertThat(moved.getBody().get("timeZone").asText()).isEqualTo("America/Bogota");
        for (String[] audited : new String[][] {{"CUSTOMER", code}, {"SITE", site.get("id").asText()},
                {"CONTACT", contact.get("id").asText()}, {"CONTRACT", code + "-1"}}) {
            JsonNode entries = rest.withBasicAuth("admin", "demo").getForObject("/api/audit?entity=" + audited[0] + "&id=" + audited[1], JsonNode.class);
            assertThat(entries).as("audit of %s %s", audited[0], audited[1]).isNotEmpty();
            assertThat(entries.get(entries.size() - 1).get("action").asText()).isEqualTo("CREATE");
        }
        JsonNode siteChanges = rest.withBasicAuth("admin", "demo").getForObject("/api/audit?entity=SITE&id=" + site.get("id").asText(), JsonNode.class);
        assertThat(siteChanges.get(0).at("/before/timeZone").asText()).isEqualTo("America/Guayaquil");
        assertThat(siteChanges.get(0).at("/after/timeZone").asText()).isEqualTo("America/Bogota");
    }

    @Test
    void wrongValuesAreRefusedByNameAndOnlyAdminsChangeCustomers() {
        assertThat(post("/api/customers", Map.of("code", "CMCC-SC", "name", "Again", "country", "CN")).getStatusCode())
                .isEqualTo(HttpStatus.CONFLICT);
        ResponseEntity<JsonNode> offset = post("/api/customers/CMCC-SC/sites", site("Offset", "+08:00"));
        assertThat(offset.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(offset.getBody().at("/errors/timeZone").asText()).contains("+08:00");
        Map<String, Object> far = new HashMap<>(site("Far", "Asia/Shanghai"));
        far.put("latitude", 91);
        assertThat(post("/api/customers/CMCC-SC/sites", far).getBody().at("/errors/latitude").isMissingNode()).isFalse();
        ResponseEntity<JsonNode> noTier = post("/api/customers/CMCC-SC/contracts", Map.of("contractNumber", "X-" + run,
                "tier", "DIAMOND", "validFrom", "2026-01-01", "validTo", "2026-12-31"));
        assertThat(noTier.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(noTier.getBody().at("/errors/tier").asText()).contains("DIAMOND");
        ResponseEntity<JsonNode> backwards = post("/api/customers/CMCC-SC/contracts", Map.of("contractNumber", "Y-" + run,
                "tier", "GOLD", "validFrom", "2026-12-31", "validTo", "2026-01-01"));
        assertThat(backwards.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(backwards.getBody().get("detail").asText()).contains("validTo");
        assertThat(rest.withBasicAuth("agent", "demo").exchange("/api/customers/CMCC-SC/contacts", HttpMethod.POST,
                json(Map.of("name", "x", "email", "x@example.com")), String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void aChangedTierAndContractApplyToNewCasesWhileAnOpenCaseKeepsItsDueTimes() {
        String tier = "T" + run;
        tiers.create(new ServiceTier(tier, "Test tier", TierCalendar.ALWAYS, 15, 30, true, 240, 10, 2, 30));
        String code = "D" + run;
        post("/api/customers", Map.of("code", code, "name", "Tier Test Telecom", "country", "CN"));
        long siteId = post("/api/customers/" + code + "/sites", site("Chengdu test site", "Asia/Shanghai")).getBody().get("id").asLong();
        post("/api/customers/" + code + "/contracts", Map.of("contractNumber", code + "-1", "tier", tier,
                "validFrom", LocalDate.now().minusDays(1).toString(), "validTo", LocalDate.now().plusYears(1).toString()));
        String part = fixture.part();
        SiteInfo site = customers.requireSite(siteId);
        String open = api.report("agent", code, siteId, fixture.installedAt(part, site));
        JsonNode before = api.getCase(open);
        assertThat(before.get("tier").asText()).isEqualTo(tier);
        assertThat(minutes(before, "ACCEPT")).isEqualTo(15);

        tiers.update(tier, new ServiceTier(tier, "Test tier, slower", TierCalendar.ALWAYS, 120, 30, true, 240, 10, 2, 30));
        JsonNode afterTierChange = api.getCase(open);
        assertThat(afterTierChange.get("slaClocks")).as("the open case keeps its due times").isEqualTo(before.get("slaClocks"));
        String reportedLater = api.report("agent", code, siteId, fixture.installedAt(part, site));
        assertThat(minutes(api.getCase(reportedLater), "ACCEPT")).isEqualTo(120);

        assertThat(rest.withBasicAuth("admin", "demo").exchange("/api/customers/" + code + "/contracts/" + code + "-1",
                HttpMethod.PUT, json(Map.of("tier", "BRONZE", "validFrom", LocalDate.now().minusDays(1).toString(),
                        "validTo", LocalDate.now().plusYears(1).toString())), String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(api.getCase(open).get("tier").asText()).isEqualTo(tier);
        assertThat(api.getCase(open).get("slaClocks")).isEqualTo(before.get("slaClocks"));
        assertThat(api.getCase(api.report("agent", code, siteId, fixture.installedAt(part, site))).get("tier").asText())
                .isEqualTo("BRONZE");
    }

    private static long minutes(JsonNode aCase, String step) {
        for (JsonNode clock : aCase.get("slaClocks")) {
            if (clock.get("step").asText().equals(step)) {
                return Duration.between(Instant.parse(clock.get("startedAt").asText()), Instant.parse(clock.get("dueAt").asText())).toMinutes();
            }
        }
        throw new AssertionError("no " + step + " clock in " + aCase);
    }

    private static Map<String, Object> site(String name, String zone) {
        return Map.of("name", name, "city", "Quito", "country", "EC", "latitude", 30.57, "longitude", 104.06, "timeZone", zone);
    }

    private ResponseEntity<JsonNode> post(String path, Object body) {
        return rest.withBasicAuth("admin", "demo").exchange(path, HttpMethod.POST, json(body), JsonNode.class);
    }
}

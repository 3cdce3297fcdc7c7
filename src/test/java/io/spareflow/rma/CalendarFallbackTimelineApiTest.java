package io.spareflow.rma;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.spareflow.SpareflowIntegrationTest;
import io.spareflow.customer.Customers;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A case whose due dates were counted in a year without a loaded working calendar says so on its timeline: a depot in
 * Thimphu (Bhutan, a country no calendar is loaded for) counts weekly hours only, Chengdu (CTU) has its calendar.
 */
@SpareflowIntegrationTest
class CalendarFallbackTimelineApiTest extends RmaApiTestSupport {

    @Autowired
    TestRestTemplate rest;

    @Autowired
    ObjectMapper json;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Customers customers;

    private final String run = UUID.randomUUID().toString().substring(0, 6).toUpperCase(Locale.ROOT);

    @Test
    void aGoldCaseAtThimphuSaysItsLimitsCountWeeklyHoursOnly() {
        String part = fixture.part();
        String thimphuDepot = "BT" + run;
        jdbc.update("""
                insert into location (code, name, type, city, country, latitude, longitude, time_zone, business_hours)
                values (?, 'Thimphu spare parts point', 'OVERSEAS_DEPOT', 'Thimphu', 'BT', 27.47, 89.64, 'Asia/Thimphu',
                        'MON-FRI 09:00-17:00')""", thimphuDepot);
        long thimphu = goldCustomerSite("BT", "Thimphu", 27.47, 89.64, "Asia/Thimphu");
        long chengdu = goldCustomerSite("CN", "Chengdu", 30.57, 104.06, "Asia/Shanghai");

        String bhutan = api.report("agent", "N" + run + "BT", thimphu, fixture.installedAt(part, customers.requireSite(thimphu)));
        String china = api.report("agent", "N" + run + "CN", chengdu, fixture.installedAt(part, customers.requireSite(chengdu)));

        JsonNode bhutanCase = api.getCase(bhutan);
        assertThat(bhutanCase.get("responsibleLocation").asText()).isEqualTo(thimphuDepot);
        List<JsonNode> fallback = entries(bhutanCase, "CALENDAR_NOT_LOADED");
        int year = LocalDate.now(ZoneOffset.UTC).getYear();
        assertThat(fallback).singleElement().satisfies(entry -> assertThat(entry.get("text").asText())
                .contains("ACCEPT").contains("weekly hours of " + thimphuDepot).contains("BT").contains(String.valueOf(year)));
        assertThat(entries(api.getCase(china), "CALENDAR_NOT_LOADED")).as("CN has its calendars loaded").isEmpty();

        // The remote-diagnosis limit, counted at acceptance, says so as well.
        String accept = api.taskOf("agent", bhutan, "Task_AcceptCase");
        api.post("agent", "/api/tasks/" + accept + "/claim", Map.of());
        api.completeTask("agent", accept, Map.of());
        assertThat(entries(api.getCase(bhutan), "CALENDAR_NOT_LOADED")).extracting(e -> e.get("text").asText())
                .anySatisfy(text -> assertThat(text).contains("REMOTE_DIAGNOSIS")).hasSize(2);
    }

    private long goldCustomerSite(String country, String city, double latitude, double longitude, String zone) {
        String code = "N" + run + country;
        admin("/api/customers", Map.of("code", code, "name", "Calendar Test Telecom " + country, "country", country));
        long site = api().read(admin("/api/customers/" + code + "/sites", Map.of("name", city + " core " + run, "city", city,
                "country", country, "latitude", latitude, "longitude", longitude, "timeZone", zone)).getBody()).get("id").asLong();
        admin("/api/customers/" + code + "/contracts", Map.of("contractNumber", code + "-1", "tier", "GOLD",
                "validFrom", LocalDate.now().minusDays(1).toString(), "validTo", LocalDate.now().plusYears(1).toString()));
        return site;
    }

    private ResponseEntity<String> admin(String path, Object body) {
        ResponseEntity<String> response = api().post("admin", path, body);
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.CREATED);
        return response;
    }

    private RmaApiClient api() {
        return new RmaApiClient(rest, json);
    }

    private static List<JsonNode> entries(JsonNode aCase, String kind) {
        List<JsonNode> found = new ArrayList<>();
        aCase.get("timeline").forEach(entry -> {
            if (entry.get("kind").asText().equals(kind)) {
                found.add(entry);
            }
        });
        return found;
    }
}

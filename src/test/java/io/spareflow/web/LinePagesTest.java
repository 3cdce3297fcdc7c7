package io.spareflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.spareflow.SpareflowIntegrationTest;
import io.spareflow.board.Boards;
import io.spareflow.customer.Customers;
import io.spareflow.customer.SiteInfo;
import io.spareflow.rma.RmaApiClient;
import io.spareflow.rma.RmaFixture;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The pages show a case's lines: the case page lists them with their flags, the depot's pick list names the line, the
 * repair bench flags a spare that arrived dead, the tracking page lists the customer's boards.
 */
@SpareflowIntegrationTest
class LinePagesTest {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    ObjectMapper json;

    @Test
    void aDeadOnArrivalSpareShowsAsASecondLineOnTheCaseDepotBenchAndTrackingPages(@Autowired JdbcTemplate jdbc,
                                                                                @Autowired Boards boards,
                                                                                @Autowired Customers customers) {
        RmaFixture fixture = new RmaFixture(jdbc, boards, customers);
        RmaApiClient api = new RmaApiClient(rest, json);
        String part = fixture.part();
        SiteInfo site = fixture.chengdu();
        String faulty = fixture.installedAt(part, site);
        String dead = fixture.inStock(part, "CTU");
        String replacement = fixture.inStock(part, "CTU");
        String number = api.reportNeedingSpare(site.customerCode(), site.id(), faulty);
        for (String action : new String[] {"PICK", "PACK", "SHIP"}) {
            api.scan("depot-CTU", dead, action, "CTU", Map.of());
        }
        api.scan("depot-CTU", dead, "DELIVER", "CTU", Map.of("siteId", site.id()));
        ResponseEntity<String> doa = api.post("agent", "/api/cases/" + number + "/lines/1/doa", Map.of("reason", "no power"));
        assertThat(doa.getStatusCode()).as(doa.getBody()).isEqualTo(HttpStatus.OK);
        String depot = PageSession.signIn(rest, "depot-CTU").get("/depot").getBody();
        assertThat(depot).contains(replacement, "line 2");
        for (String action : new String[] {"PICK", "PACK", "SHIP"}) {
            api.scan("depot-CTU", replacement, action, "CTU", Map.of());
        }
        api.scan("depot-CTU", replacement, "DELIVER", "CTU", Map.of("siteId", site.id()));
        api.scan("tech-RC-SZX", dead, "DEFECTIVE_RECEIVE", "RC-SZX", Map.of("caseNumber", number));

        String casePage = PageSession.signIn(rest, "agent").get("/cases/" + number).getBody();
        assertThat(casePage).contains("id=\"line-1\"", "id=\"line-2\"", faulty, dead, "DOA spare of line 1");
        String bench = PageSession.signIn(rest, "tech-RC-SZX").get("/repair").getBody();
        assertThat(bench).contains(dead, "DOA: dead on arrival");
        JsonNode view = api.getCase(number);
        String tracking = rest.getForEntity("/track/" + view.get("trackingToken").asText(), String.class).getBody();
        assertThat(tracking).contains("Line 1: " + faulty, "Line 2: " + dead);
    }
}

package io.spareflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.spareflow.SpareflowIntegrationTest;
import io.spareflow.customer.SiteInfo;
import io.spareflow.rma.RmaApiTestSupport;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The pages show a case's lines: the case page lists them with their flags, the depot's pick list names the line, the
 * repair bench flags a spare that arrived dead, the tracking page lists the customer's boards.
 */
@SpareflowIntegrationTest
class LinePagesTest extends RmaApiTestSupport {

    @Autowired
    TestRestTemplate rest;

    @Test
    void aDeadOnArrivalSpareShowsAsASecondLineOnTheCaseDepotBenchAndTrackingPages() {
        String part = fixture.part();
        SiteInfo site = fixture.chengdu();
        String faulty = fixture.installedAt(part, site);
        String dead = fixture.inStock(part, "CTU");
        String replacement = fixture.inStock(part, "CTU");
        String number = api.reportNeedingSpare(site.customerCode(), site.id(), faulty);
        api.deliver(dead, "CTU", site);
        ResponseEntity<String> doa = api.post("agent", "/api/cases/" + number + "/lines/1/doa", Map.of("reason", "no power"));
        assertThat(doa.getStatusCode()).as(doa.getBody()).isEqualTo(HttpStatus.OK);
        String depot = PageSession.signIn(rest, "depot-CTU").get("/depot").getBody();
        assertThat(depot).contains(replacement, "line 2");
        api.deliver(replacement, "CTU", site);
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

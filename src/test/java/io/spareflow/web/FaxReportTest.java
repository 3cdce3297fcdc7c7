package io.spareflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.spareflow.SpareflowIntegrationTest;
import io.spareflow.board.Boards;
import io.spareflow.customer.Customers;
import io.spareflow.notify.CaseFixtures;
import io.spareflow.rma.CaseChannel;
import io.spareflow.rma.CaseView;
import io.spareflow.rma.Cases;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** Faxed reports (传真): agents record them with channel FAX, through the API or the hotline form. */
@SpareflowIntegrationTest
class FaxReportTest {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    Boards boards;
    @Autowired
    Customers customers;
    @Autowired
    Cases cases;

    @Test
    void anAgentRecordsAFaxedReportThroughTheApi() {
        String serial = CaseFixtures.installedBoard(boards, customers, "CMCC-SC", "Chengdu");
        @SuppressWarnings("rawtypes")
        ResponseEntity<Map> created = rest.withBasicAuth("agent", "demo").postForEntity("/api/cases", CaseFixtures.json(Map.of(
                "customerCode", "CMCC-SC", "siteId", CaseFixtures.siteOf(customers, "CMCC-SC", "Chengdu"),
                "faultySerial", serial, "symptom", "Fax of 1 Dec: board alarm, no traffic", "channel", "FAX")), Map.class);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(created.getBody()).containsEntry("channel", "FAX");
        CaseView c = cases.find((String) created.getBody().get("number")).orElseThrow();
        assertThat(c.channel()).isEqualTo(CaseChannel.FAX);
        assertThat(c.timeline().get(0).text()).startsWith("Fault reported by Fax");

        ResponseEntity<String> unknown = rest.withBasicAuth("agent", "demo").postForEntity("/api/cases", CaseFixtures.json(Map.of(
                "customerCode", "CMCC-SC", "siteId", 1, "faultySerial", serial, "symptom", "x", "channel", "TELEX")), String.class);
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(unknown.getBody()).contains("channel").contains("FAX");
    }

    @Test
    void theHotlineFormOffersFaxAndRecordsIt() {
        String serial = CaseFixtures.installedBoard(boards, customers, "CMCC-SC", "Leshan");
        PageSession agent = PageSession.signIn(rest, "agent");
        assertThat(agent.get("/hotline").getBody()).contains("<option value=\"FAX\">");

        MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("customerCode", "CMCC-SC");
        form.add("siteId", String.valueOf(CaseFixtures.siteOf(customers, "CMCC-SC", "Leshan")));
        form.add("faultySerial", serial);
        form.add("symptom", "Faxed: power module alarm after storm");
        form.add("channel", "FAX");
        ResponseEntity<String> reported = agent.postForm("/hotline/report", form, MediaType.APPLICATION_FORM_URLENCODED);
        assertThat(reported.getStatusCode()).isEqualTo(HttpStatus.FOUND);

        String number = cases.openCaseOf(serial).orElseThrow(() -> new AssertionError("no case for the faxed report"));
        assertThat(cases.find(number).orElseThrow().channel()).isEqualTo(CaseChannel.FAX);
    }
}

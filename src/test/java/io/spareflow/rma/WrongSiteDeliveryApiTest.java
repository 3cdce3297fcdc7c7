package io.spareflow.rma;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.spareflow.SpareflowIntegrationTest;
import io.spareflow.board.BoardStatus;
import io.spareflow.board.Boards;
import io.spareflow.customer.Customers;
import io.spareflow.customer.SiteInfo;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/** A spare delivered to another site than its case's is refused with 409 naming the case's site; the case waits on. */
@SpareflowIntegrationTest
class WrongSiteDeliveryApiTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    ObjectMapper json;
    @Autowired
    Boards boards;
    @Autowired
    Customers customers;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void deliverAtAnotherSiteIsRefusedNamingTheCasesSite() {
        RmaFixture fixture = new RmaFixture(jdbc, boards, customers);
        RmaApiClient api = new RmaApiClient(http, json);
        String part = fixture.part();
        SiteInfo chengdu = fixture.chengdu();
        SiteInfo mianyang = fixture.site("CMCC-SC", "Mianyang transmission hub");
        String spare = fixture.inStock(part, "CTU");
        String number = api.reportNeedingSpare(chengdu.customerCode(), chengdu.id(), fixture.installedAt(part, chengdu));
        api.scan("depot-CTU", spare, "PICK", "CTU", Map.of());
        api.scan("depot-CTU", spare, "PACK", "CTU", Map.of());
        api.scan("depot-CTU", spare, "SHIP", "CTU", Map.of());

        ResponseEntity<String> wrong = api.attemptScan("depot-CTU", spare, "DELIVER", "CTU", Map.of("siteId", mianyang.id()));
        assertThat(wrong.getStatusCode()).as(wrong.getBody()).isEqualTo(HttpStatus.CONFLICT);
        JsonNode problem = api.read(wrong.getBody());
        assertThat(problem.get("detail").asText()).contains(number, chengdu.name(), String.valueOf(chengdu.id()));
        assertThat(boards.require(spare).status()).as("the refused scan moved nothing").isEqualTo(BoardStatus.IN_TRANSIT);

        api.scan("depot-CTU", spare, "DELIVER", "CTU", Map.of("siteId", chengdu.id()));
        assertThat(api.getCase(number).get("state").asText()).isEqualTo("AWAITING_RETURN");
    }
}

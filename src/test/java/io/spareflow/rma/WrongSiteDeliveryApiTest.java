package io.spareflow.rma;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.spareflow.SpareflowIntegrationTest;
import io.spareflow.board.BoardStatus;
import io.spareflow.customer.SiteInfo;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** A spare delivered to another site than its case's is refused with 409 naming the case's site; the case waits on. */
@SpareflowIntegrationTest
class WrongSiteDeliveryApiTest extends RmaApiTestSupport {

    @Test
    void deliverAtAnotherSiteIsRefusedNamingTheCasesSite() {
        String part = fixture.part();
        SiteInfo chengdu = fixture.chengdu();
        SiteInfo mianyang = fixture.site("CMCC-SC", "Mianyang transmission hub");
        String spare = fixture.inStock(part, "CTU");
        String number = api.reportNeedingSpare(chengdu.customerCode(), chengdu.id(), fixture.installedAt(part, chengdu));
        api.ship(spare, "CTU");

        ResponseEntity<String> wrong = api.attemptScan("depot-CTU", spare, "DELIVER", "CTU", Map.of("siteId", mianyang.id()));
        assertThat(wrong.getStatusCode()).as(wrong.getBody()).isEqualTo(HttpStatus.CONFLICT);
        JsonNode problem = api.read(wrong.getBody());
        assertThat(problem.get("detail").asText()).contains(number, chengdu.name(), String.valueOf(chengdu.id()));
        assertThat(boards.require(spare).status()).as("the refused scan moved nothing").isEqualTo(BoardStatus.IN_TRANSIT);

        api.scan("depot-CTU", spare, "DELIVER", "CTU", Map.of("siteId", chengdu.id()));
        assertThat(api.getCase(number).get("state").asText()).isEqualTo("AWAITING_RETURN");
    }
}

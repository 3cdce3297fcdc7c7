package io.spareflow.rma;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.spareflow.SpareflowIntegrationTest;
import io.spareflow.board.BoardStatus;
import io.spareflow.customer.SiteInfo;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * A board beyond repair still gets the customer a working board, through the REST API and scans on PostgreSQL: in a
 * repair-and-return (BRONZE) case a replacement spare is sourced, picked, shipped and delivered to the site, then the
 * case closes; a lost replacement reservation is sourced again like any spare; in an advance-exchange case the scrap is
 * recorded and the case goes to its close as before.
 */
@SpareflowIntegrationTest
class BoardReplacementApiTest extends RmaApiTestSupport {

    @Test
    void aRepairAndReturnBoardBeyondRepairIsReplacedByASpareDeliveredToTheSiteThenTheCaseCloses() {
        SiteInfo addis = fixture.addisAbaba();
        String part = fixture.part();
        String faulty = fixture.installedAt(part, addis);
        String spare = fixture.inStock(part, "CTU");
        String number = scrapped(addis, faulty);

        JsonNode replacing = api.getCase(number);
        assertThat(replacing.get("tier").asText()).isEqualTo("BRONZE");
        assertThat(replacing.get("state").asText()).isEqualTo("SPARE_DISPATCH");
        assertThat(boards.require(faulty).status()).isEqualTo(BoardStatus.SCRAPPED);
        assertThat(boards.require(spare).status()).as("the replacement is reserved").isEqualTo(BoardStatus.RESERVED);
        assertThat(replacing.at("/lines/0/state").asText()).isEqualTo("SPARE_DISPATCH");
        assertThat(replacing.at("/lines/0/spare/serial").asText()).isEqualTo(spare);
        assertThat(replacing.at("/lines/0/repair/outcome").asText()).isEqualTo("SCRAPPED");
        assertThat(RmaApiClient.lastOf(replacing.get("timeline"), "REPLACEMENT_NEEDED").get("text").asText()).contains(faulty, part);
        assertThat(RmaApiClient.clock(replacing.get("slaClocks"), "REPAIR_TURNAROUND").get("metAt").isNull())
                .as("repaired or replaced: the turnaround runs on until the replacement is on site").isTrue();
        assertThat(api.stalledOf(number)).isEmpty();

        api.deliver(spare, "CTU", addis);

        JsonNode replaced = api.getCase(number);
        assertThat(replaced.get("state").asText()).isEqualTo("RESOLVED");
        assertThat(replaced.at("/lines/0/state").asText()).isEqualTo("FINISHED");
        assertThat(boards.require(spare).status()).isEqualTo(BoardStatus.INSTALLED);
        assertThat(boards.require(spare).siteId()).isEqualTo(addis.id());
        assertThat(RmaApiClient.kinds(replaced.get("timeline"))).containsSubsequence("DEFECTIVE_RECEIVED", "REPLACEMENT_NEEDED",
                "SPARE_RESERVED", "SPARE_PICKED", "SPARE_SHIPPED", "SPARE_DELIVERED", "BOARD_REPLACED");
        assertThat(RmaApiClient.lastOf(replaced.get("timeline"), "BOARD_REPLACED").get("text").asText()).contains(faulty, spare);
        Instant turnaroundMet = Instant.parse(RmaApiClient.clock(replaced.get("slaClocks"), "REPAIR_TURNAROUND").get("metAt").asText());
        Instant delivered = Instant.parse(RmaApiClient.lastOf(replaced.get("timeline"), "SPARE_DELIVERED").get("at").asText());
        assertThat(turnaroundMet).as("the turnaround is met by the replacement's delivery").isAfterOrEqualTo(delivered);
        assertThat(api.stalledOf(number)).isEmpty();

        api.complete("agent", number, "Task_CloseCase", Map.of("resolution", "board replaced"));
        assertThat(api.getCase(number).get("state").asText()).isEqualTo("CLOSED");
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(number).count()).isZero();
    }

    @Test
    void aLostReplacementReservationIsSourcedAgainLikeAnySpare() {
        SiteInfo addis = fixture.addisAbaba();
        String part = fixture.part();
        String faulty = fixture.installedAt(part, addis);
        List<String> stock = List.of(fixture.inStock(part, "CTU"), fixture.inStock(part, "CTU"));
        String number = scrapped(addis, faulty);
        String first = api.getCase(number).at("/lines/0/spare/serial").asText();
        String second = stock.get(0).equals(first) ? stock.get(1) : stock.get(0);
        JsonNode reservations = api.read(api.get("agent", "/api/sourcing/reservations?caseNumber=" + number).getBody());
        assertThat(reservations).hasSize(1);

        ResponseEntity<String> released = api.delete("supervisor", "/api/sourcing/reservations/"
                + reservations.get(0).get("id").asLong() + "?reason=shelf+label+wrong");
        assertThat(released.getStatusCode()).as(released.getBody()).isEqualTo(HttpStatus.OK);

        JsonNode resourced = api.getCase(number);
        assertThat(resourced.at("/lines/0/spare/serial").asText()).as("a repair-and-return tier is no obstacle").isEqualTo(second);
        assertThat(RmaApiClient.lastOf(resourced.get("timeline"), "SPARE_RESOURCED").get("text").asText()).contains(first, second);
        assertThat(api.stalledOf(number)).isEmpty();
        api.deliver(second, "CTU", addis);
        assertThat(api.getCase(number).get("state").asText()).isEqualTo("RESOLVED");
    }

    @Test
    void anAdvanceExchangeBoardBeyondRepairIsRecordedAndTheCaseGoesToItsClose() {
        SiteInfo chengdu = fixture.chengdu();
        String part = fixture.part();
        String faulty = fixture.installedAt(part, chengdu);
        String spare = fixture.inStock(part, "CTU");
        fixture.inStock(part, "CTU");
        String number = api.reportNeedingSpare(chengdu.customerCode(), chengdu.id(), faulty);
        api.deliver(spare, "CTU", chengdu);
        returnedBeyondRepair(number, faulty);

        JsonNode resolved = api.getCase(number);
        assertThat(resolved.get("state").asText()).isEqualTo("RESOLVED");
        assertThat(RmaApiClient.kinds(resolved.get("timeline"))).contains("REPAIR_FINISHED").doesNotContain("REPLACEMENT_NEEDED");
        assertThat(api.read(api.get("agent", "/api/sourcing/reservations?caseNumber=" + number).getBody()))
                .as("only the advance-exchange spare").hasSize(1);
        assertThat(api.stalledOf(number)).isEmpty();
    }

    /** A BRONZE case whose board came back and was found beyond repair by the repair center. */
    private String scrapped(SiteInfo site, String faulty) {
        String number = api.reportNeedingSpare(site.customerCode(), site.id(), faulty);
        assertThat(api.getCase(number).get("state").asText()).isEqualTo("AWAITING_RETURN");
        returnedBeyondRepair(number, faulty);
        return number;
    }

    /** The faulty board comes back to the repair center, is taken in and found beyond repair. */
    private void returnedBeyondRepair(String number, String faulty) {
        api.takeIntoRepair(number, faulty);
        api.complete(RmaApiClient.TECHNICIAN, number, "Task_DiagnoseBoard", Map.of("finding", "burnt laser", "diagnosis", "BEYOND_REPAIR"));
    }
}

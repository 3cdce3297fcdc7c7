package io.spareflow.rma;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.spareflow.SpareflowIntegrationTest;
import io.spareflow.customer.SiteInfo;
import io.spareflow.notify.MailRecord;
import io.spareflow.notify.Notifications;
import io.spareflow.rma.internal.process.StallWatch;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The stall audit on PostgreSQL and the real engine: a board moved out from under a waiting case behind the
 * application's back is listed by {@code GET /api/cases/stalled} and recorded and escalated once by the job; a
 * healthy case is not listed.
 */
@SpareflowIntegrationTest
class StallAuditApiTest extends RmaApiTestSupport {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    StallWatch watch;
    @Autowired
    Notifications notifications;

    @Test
    void aReservedBoardMovedBehindTheCasesBackIsAStallListedRecordedAndEscalatedOnce() {
        String part = fixture.part();
        SiteInfo site = fixture.chengdu();
        String stalledCase = waitingForPick(fixture.installedAt(part, site), site);
        String healthyCase = waitingForPick(fixture.installedAt(part, site), site);
        String spare = api.getCase(stalledCase).at("/spare/serial").asText();
        assertThat(api.stalledOf(healthyCase)).isEmpty();
        assertThat(api.stalledOf(stalledCase)).isEmpty();

        // An admin fix straight in the database, bypassing the board feature: nothing tells the case.
        jdbc.update("update board set status = 'QUARANTINE' where serial = ?", spare);

        List<JsonNode> stalls = api.stalledOf(stalledCase);
        assertThat(stalls).hasSize(1);
        JsonNode stall = stalls.get(0);
        assertThat(stall.get("step").asText()).isEqualTo(SpareDispatchBpmn.TASK_AWAIT_PICK);
        assertThat(stall.get("expected").asText()).contains(spare, "RESERVED");
        assertThat(stall.get("actual").asText()).contains(spare, "QUARANTINE");
        assertThat(api.stalledOf(healthyCase)).as("a case whose waiting step can complete").isEmpty();
        assertThat(api.get("agent", "/api/cases/stalled").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(api.get("admin", "/api/cases/stalled").getStatusCode()).isEqualTo(HttpStatus.OK);

        watch.recordNew();
        watch.recordNew();
        assertThat(RmaApiClient.kinds(api.getCase(stalledCase).get("timeline"))).as("recorded once, however often the job runs")
                .containsOnlyOnce("STALLED");
        assertThat(RmaApiClient.kinds(api.getCase(healthyCase).get("timeline"))).doesNotContain("STALLED");
        assertThat(notifications.forCase(stalledCase)).extracting(MailRecord::kind).contains("ESCALATION");
        JsonNode monitored = api.read(api.get("supervisor", "/api/monitor").getBody()).get("stalled");
        assertThat(monitored.findValuesAsText("caseNumber")).as("the monitoring center shows it").contains(stalledCase)
                .doesNotContain(healthyCase);
        JsonNode chinese = stallOf(stalledCase, "zh-CN");
        assertThat(chinese.get("stepName").asText()).as("the waiting step by name").isEqualTo("等待拣货");
        assertThat(chinese.get("expected").asText()).isEqualTo("单板 " + spare + " 为本工单 RESERVED");
        assertThat(chinese.get("actual").asText()).startsWith("单板 " + spare + " 状态为 QUARANTINE");
        JsonNode english = stallOf(stalledCase, "en");
        assertThat(english.get("stepName").asText()).isEqualTo("Waiting for the pick");
        assertThat(english.get("expected").asText()).isEqualTo("board " + spare + " RESERVED for this case");

        // Put right: no longer listed, and the stored violation is cleared.
        jdbc.update("update board set status = 'RESERVED' where serial = ?", spare);
        assertThat(api.stalledOf(stalledCase)).isEmpty();
        watch.recordNew();
        assertThat(jdbc.queryForObject("select count(*) from case_stall where case_number = ? and cleared_at is null",
                Integer.class, stalledCase)).isZero();
        assertThat(api.read(api.get("supervisor", "/api/monitor").getBody()).get("stalled").findValuesAsText("caseNumber"))
                .doesNotContain(stalledCase);
    }

    @Test
    void aDefectiveReturnAwaitedForABoardNoLongerInstalledIsAStall() {
        String part = fixture.part();
        SiteInfo site = fixture.chengdu();
        String faulty = fixture.installedAt(part, site);
        String number = waitingForPick(faulty, site);
        String spare = api.getCase(number).at("/spare/serial").asText();
        api.deliver(spare, "CTU", site);
        assertThat(api.stalledOf(number)).isEmpty();

        jdbc.update("update board set status = 'SCRAPPED' where serial = ?", faulty);

        List<JsonNode> stalls = api.stalledOf(number);
        assertThat(stalls).extracting(s -> s.get("step").asText()).containsExactly(CaseLineBpmn.TASK_AWAIT_DEFECTIVE_RETURN);
        assertThat(stalls.get(0).get("actual").asText()).contains(faulty, "SCRAPPED");
    }

    /** The monitoring center's row of the case's stall, worded for a reader of {@code language}. */
    private JsonNode stallOf(String caseNumber, String language) {
        String body = api.get("supervisor", "/api/monitor", language).getBody();
        for (JsonNode stall : api.read(body).get("stalled")) {
            if (stall.get("caseNumber").asText().equals(caseNumber)) {
                return stall;
            }
        }
        throw new AssertionError("no stall of " + caseNumber + " on the monitor: " + body);
    }

    private String waitingForPick(String faulty, SiteInfo site) {
        fixture.inStock(boards.require(faulty).partNumber(), "CTU");
        String number = api.reportNeedingSpare(site.customerCode(), site.id(), faulty);
        assertThat(api.getCase(number).at("/spare/serial").isTextual()).isTrue();
        return number;
    }
}

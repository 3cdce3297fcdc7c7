package io.spareflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.spareflow.SpareflowIntegrationTest;
import io.spareflow.board.Boards;
import io.spareflow.customer.Customers;
import io.spareflow.notify.CaseFixtures;
import io.spareflow.repair.RepairDiagnosis;
import io.spareflow.repair.RepairOutcome;
import io.spareflow.repair.internal.RepairOrderEntity;
import io.spareflow.repair.internal.RepairOrderRepository;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.web.util.HtmlUtils;

/** The hotline's remote diagnosis shows what past repairs of the board's part with a similar symptom found. */
@SpareflowIntegrationTest
class HotlineKnownFixesTest {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    Boards boards;
    @Autowired
    Customers customers;
    @Autowired
    RepairOrderRepository orders;

    @Test
    void theRemoteDiagnosisTaskShowsTheFixOfASimilarPastRepair() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        RepairOrderEntity past = new RepairOrderEntity("HOT-" + run, "PAST" + run, "310200731",
                "OL16 line board raises a LOS alarm after a power failure", false, Instant.now());
        past.diagnose(null, RepairDiagnosis.FAULT_CONFIRMED, "receiver photodiode burnt " + run);
        past.addActions("replaced the optical receiver");
        past.complete(RepairOutcome.REPAIRED, false, Instant.now());
        orders.saveAndFlush(past);
        String serial = CaseFixtures.installedBoard(boards, customers, "CMCC-SC", "Chengdu");
        String number = (String) CaseFixtures.report(rest, "CMCC-SC", CaseFixtures.siteOf(customers, "CMCC-SC", "Chengdu"),
                serial).get("number");
        CaseFixtures.accept(rest, number);

        String page = HtmlUtils.htmlUnescape(PageSession.signIn(rest, "agent").get("/hotline").getBody());

        assertThat(page).contains("receiver photodiode burnt " + run + " → replaced the optical receiver");
    }
}

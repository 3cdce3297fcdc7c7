package io.spareflow.training;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import io.spareflow.SpareflowIntegrationTest;
import io.spareflow.customer.SiteInfo;
import io.spareflow.notify.Mailboxes;
import io.spareflow.part.ProductLine;
import io.spareflow.rma.RmaApiClient;
import io.spareflow.rma.RmaApiTestSupport;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A defective board whose product line no repair center has a certified technician for, through the API on
 * PostgreSQL: the case is escalated (the supervisor is mailed), the timeline says why and which center the return
 * label names — the nearest; with a certified center nothing is escalated.
 */
@SpareflowIntegrationTest
class UncertifiedRepairEscalationTest extends RmaApiTestSupport {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Certifications certifications;
    @Autowired
    GreenMail mailServer;

    @Test
    void aBoardNoRepairCenterIsCertifiedForIsEscalatedAndStillSentToTheNearestCenter() throws Exception {
        SiteInfo addisAbaba = fixture.addisAbaba();
        String part = fixture.part();
        String number;
        String serial = fixture.installedAt(part, addisAbaba);
        try (SuspendedCertifications none = SuspendedCertifications.of(jdbc, certifications.today(), "OPTICAL", CertificationLevel.L2)) {
            assertThat(certifications.holders(ProductLine.OPTICAL, CertificationLevel.L2)).isEmpty();
            number = api.reportNeedingSpare(addisAbaba.customerCode(), addisAbaba.id(), serial);
            assertThat(returnLabel(number)).as("the nearest repair center to Addis Ababa").contains("(RC-DXB)");
        }

        assertThat(escalations(number)).singleElement().asString()
                .contains("No repair center has a technician with a valid L2 certification for OPTICAL")
                .contains("defective board " + serial + " (" + part + ")")
                .contains("nearest repair center, RC-DXB");
        List<MimeMessage> toSupervisor = Mailboxes.await(mailServer, "chen.jing@spareflow.local",
                m -> Mailboxes.text(m).contains(number) && Mailboxes.text(m).contains("certification for OPTICAL"), 1);
        assertThat(toSupervisor).as("the agent's supervisor is told").hasSize(1);

        String certified = api.reportNeedingSpare(addisAbaba.customerCode(), addisAbaba.id(), fixture.installedAt(part, addisAbaba));
        assertThat(escalations(certified)).as("certified centers exist again").isEmpty();
        assertThat(returnLabel(certified)).doesNotContain("(RC-DXB)");
    }

    private List<String> escalations(String number) {
        return RmaApiClient.timelineTexts(api.getCase(number), "ESCALATED");
    }

    private String returnLabel(String number) {
        ResponseEntity<String> label = api.get("supervisor", "/api/cases/" + number + "/return-label.zpl");
        assertThat(label.getStatusCode()).as(label.getBody()).isEqualTo(HttpStatus.OK);
        return label.getBody();
    }
}

package io.spareflow.training;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.spareflow.SpareflowIntegrationTest;
import io.spareflow.audit.Audit;
import io.spareflow.customer.SiteInfo;
import io.spareflow.part.ProductLine;
import io.spareflow.repair.BoardRepairBpmn;
import io.spareflow.rma.RmaApiTestSupport;
import io.spareflow.rma.RmaCaseBpmn;
import io.spareflow.training.internal.CertificationRepository;
import io.spareflow.user.NewUser;
import io.spareflow.user.Role;
import io.spareflow.user.Users;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Training certification through the API on PostgreSQL: recorded and revoked by an admin (audited), validated, and
 * checked whenever a diagnosis task is listed, claimed or completed — an expired certification loses the task, a
 * renewed one gets it back — and where a defective board is sent.
 */
@SpareflowIntegrationTest
class CertificationApiTest extends RmaApiTestSupport {

    @Autowired
    TestRestTemplate http;
    @Autowired
    Certifications certifications;
    @Autowired
    Clock clock;
    @Autowired
    Users users;

    private final String run = UUID.randomUUID().toString().substring(0, 6);

    @Test
    void anExpiredCertificationLosesTheDiagnosisAtListClaimAndCompleteAndARenewedOneGetsItBack() {
        String technician = technician("RC-SZX");
        LocalDate today = certifications.today();
        String number = boardAtDiagnosis(fixture.addisAbaba());
        String diagnosis = api.taskOf("tech-RC-SZX", number, BoardRepairBpmn.TASK_DIAGNOSE_BOARD);

        assertThat(taskIds(technician)).as("not certified for OPTICAL").doesNotContain(diagnosis);
        ResponseEntity<String> uncertified = post(technician, "/api/tasks/" + diagnosis + "/claim", Map.of());
        assertThat(uncertified.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(detail(uncertified)).contains(technician + " holds no L2 certification for OPTICAL");

        issue(technician, "OPTICAL", "L2", today.minusYears(1), today.minusDays(1));
        assertThat(taskIds(technician)).as("certified until yesterday").doesNotContain(diagnosis);
        ResponseEntity<String> expired = post(technician, "/api/tasks/" + diagnosis + "/claim", Map.of());
        assertThat(expired.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(detail(expired)).contains("L2 certification for OPTICAL expired on " + today.minusDays(1));

        long renewal = issue(technician, "OPTICAL", "L2", today, today.plusYears(1)).get("id").asLong();
        assertThat(taskIds(technician)).as("renewed today").contains(diagnosis);
        assertThat(post(technician, "/api/tasks/" + diagnosis + "/claim", Map.of()).getStatusCode()).isEqualTo(HttpStatus.OK);

        assertThat(delete("admin", "/api/users/" + technician + "/certifications/" + renewal).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(taskIds(technician)).as("the claimed task goes with the certification").doesNotContain(diagnosis);
        ResponseEntity<String> completed = post(technician, "/api/tasks/" + diagnosis + "/complete",
                Map.of("finding", "laser degraded", "diagnosis", "FAULT_CONFIRMED"));
        assertThat(completed.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(detail(completed)).contains("expired on " + today.minusDays(1));
        assertThat(api.read(api.get("admin", "/api/audit?entity=CERTIFICATION&id=" + renewal).getBody()))
                .extracting(entry -> entry.get("action").asText()).containsExactly("DELETE", "CREATE");

        issue(technician, "OPTICAL", "L2", today, today.plusYears(1));
        assertThat(taskIds(technician)).contains(diagnosis);
        api.completeTask(technician, diagnosis, Map.of("finding", "laser degraded", "diagnosis", "FAULT_CONFIRMED"));
        assertThat(api.taskOf(technician, number, BoardRepairBpmn.TASK_REPAIR_BOARD)).isNotNull();
    }

    @Test
    void validityFollowsTheClockPastTheLastDay(@Autowired CertificationRepository repository, @Autowired Audit audit) {
        String technician = technician("RC-NKG");
        LocalDate today = certifications.today();
        issue(technician, "POWER", "L2", today.minusDays(10), today.plusDays(5));
        assertThat(certifications.validLines(technician, CertificationLevel.L2)).containsExactly(ProductLine.POWER);

        Certifications onTheLastDay = new Certifications(repository, users, audit, Clock.offset(clock, Duration.ofDays(5)));
        assertThat(onTheLastDay.validLines(technician, CertificationLevel.L2)).as("the last day is included").containsExactly(ProductLine.POWER);
        Certifications dayAfter = new Certifications(repository, users, audit, Clock.offset(clock, Duration.ofDays(6)));
        assertThat(dayAfter.validLines(technician, CertificationLevel.L2)).isEmpty();
        assertThat(dayAfter.of(technician)).singleElement().satisfies(c -> assertThat(c.valid()).isFalse());
        Certifications beforeItStarts = new Certifications(repository, users, audit, Clock.offset(clock, Duration.ofDays(-11)));
        assertThat(beforeItStarts.validLines(technician, CertificationLevel.L2)).isEmpty();
        assertThat(dayAfter.holders(ProductLine.POWER, CertificationLevel.L2)).doesNotContain(technician);
        assertThat(certifications.holders(ProductLine.POWER, CertificationLevel.L2)).contains(technician);
    }

    @Test
    void aDefectiveBoardGoesToTheNearestRepairCenterWithAValidCertificationForItsLine() {
        SiteInfo addisAbaba = fixture.addisAbaba();
        String part = fixture.part();
        assertThat(returnLabel(api.report("agent", addisAbaba.customerCode(), addisAbaba.id(), fixture.installedAt(part, addisAbaba))))
                .as("Dubai, the nearest, repairs no OPTICAL boards").doesNotContain("(RC-DXB)");

        String dubai = technician("RC-DXB");
        LocalDate today = certifications.today();
        issue(dubai, "OPTICAL", "L2", today.minusYears(2), today.minusDays(1));
        assertThat(returnLabel(api.report("agent", addisAbaba.customerCode(), addisAbaba.id(), fixture.installedAt(part, addisAbaba))))
                .as("an expired certification does not count").doesNotContain("(RC-DXB)");

        long valid = issue(dubai, "OPTICAL", "L2", today, today.plusYears(1)).get("id").asLong();
        try {
            assertThat(returnLabel(api.report("agent", addisAbaba.customerCode(), addisAbaba.id(), fixture.installedAt(part, addisAbaba))))
                    .contains("(RC-DXB)");
        } finally {
            delete("admin", "/api/users/" + dubai + "/certifications/" + valid);
        }
    }

    @Test
    void certificationsAreValidatedAndAdministeredByAdminsOnly() {
        String technician = technician("RC-SZX");
        LocalDate today = certifications.today();
        Map<String, Object> valid = body("DATA", "L2", today, today.plusYears(1));

        assertThat(post("quality", "/api/users/" + technician + "/certifications", valid).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(post("tech-RC-SZX", "/api/users/" + technician + "/certifications", valid).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(post("admin", "/api/users/nobody-" + run + "/certifications", valid).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        ResponseEntity<String> backwards = post("admin", "/api/users/" + technician + "/certifications",
                body("DATA", "L2", today, today.minusDays(1)));
        assertThat(backwards.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(detail(backwards)).contains("before validFrom");
        assertThat(post("admin", "/api/users/" + technician + "/certifications", body("TELEPATHY", "L2", today, today))
                .getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        Map<String, Object> noIssuer = new HashMap<>(valid);
        noIssuer.put("issuedBy", " ");
        assertThat(post("admin", "/api/users/" + technician + "/certifications", noIssuer).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        ResponseEntity<String> depot = post("admin", "/api/users/depot-CTU/certifications", valid);
        assertThat(depot.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(detail(depot)).contains("only agents and technicians");
        ResponseEntity<String> agentL2 = post("admin", "/api/users/agent/certifications", valid);
        assertThat(agentL2.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(detail(agentL2)).contains("L2 (board repair) certifications are for technicians");

        JsonNode issued = issue(technician, "DATA", "L2", today, today.plusYears(1));
        assertThat(issued.get("valid").asBoolean()).isTrue();
        assertThat(issued.get("issuedBy").asText()).isEqualTo("ZTE University, Shenzhen");
        JsonNode listed = api.read(api.get("admin", "/api/users/" + technician + "/certifications").getBody());
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0)).isEqualTo(issued);
        assertThat(delete("admin", "/api/users/tech-RC-SZX/certifications/" + issued.get("id").asLong()).getStatusCode())
                .as("the id belongs to another user").isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(api.get("agent", "/api/certifications/expiring").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(api.get("quality", "/api/certifications/expiring?days=400").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void theExpiringListShowsValidCertificationsEndingWithinTheDaysAsked() {
        String technician = technician("RC-SZX");
        LocalDate today = certifications.today();
        issue(technician, "ACCESS", "L2", today.minusYears(1), today.plusDays(12));
        issue(technician, "CDMA", "L2", today.minusYears(1), today.minusDays(1));
        issue(technician, "MOBILE", "L2", today.minusYears(1), today.plusDays(45));

        List<String> within30 = expiring("quality", 30, technician);
        assertThat(within30).containsExactly("ACCESS");
        assertThat(expiring("supervisor", 60, technician)).containsExactly("ACCESS", "MOBILE");
        assertThat(expiring("admin", 10, technician)).isEmpty();
        assertThat(api.read(api.get("admin", "/api/certifications/expiring").getBody()))
                .as("the demo's Dubai POWER certification ends in 20 days")
                .anySatisfy(c -> assertThat(c.get("username").asText() + " " + c.get("productLine").asText()).isEqualTo("tech-RC-DXB POWER"));
    }

    private List<String> expiring(String user, int days, String holder) {
        List<String> lines = new ArrayList<>();
        api.read(api.get(user, "/api/certifications/expiring?days=" + days).getBody()).forEach(c -> {
            if (c.get("username").asText().equals(holder)) {
                lines.add(c.get("productLine").asText());
            }
        });
        return lines;
    }

    /** A new technician of that repair center (password {@code demo}), with no certification yet. */
    private String technician(String center) {
        String username = "cert-" + run + "-" + UUID.randomUUID().toString().substring(0, 4);
        users.create(new NewUser(username, "demo", "Certification test " + username, username + "@spareflow.local",
                Role.TECHNICIAN, center, "supervisor"));
        return username;
    }

    private JsonNode issue(String username, String line, String level, LocalDate from, LocalDate until) {
        ResponseEntity<String> issued = post("admin", "/api/users/" + username + "/certifications", body(line, level, from, until));
        assertThat(issued.getStatusCode()).as(issued.getBody()).isEqualTo(HttpStatus.CREATED);
        return api.read(issued.getBody());
    }

    private static Map<String, Object> body(String line, String level, LocalDate from, LocalDate until) {
        return Map.of("productLine", line, "level", level, "issuedBy", "ZTE University, Shenzhen",
                "validFrom", from.toString(), "validUntil", until.toString());
    }

    /** A BRONZE case reported and accepted by the agent, its board taken in at RC-SZX: it waits for diagnosis. */
    private String boardAtDiagnosis(SiteInfo site) {
        String serial = fixture.installedAt(fixture.part(), site);
        String number = api.report("agent", site.customerCode(), site.id(), serial);
        api.complete("agent", number, RmaCaseBpmn.TASK_ACCEPT_CASE, Map.of());
        api.complete("agent", number, RmaCaseBpmn.TASK_REMOTE_DIAGNOSIS, Map.of("diagnosisOutcome", "SPARE_NEEDED"));
        api.scan("tech-RC-SZX", serial, "DEFECTIVE_RECEIVE", "RC-SZX", Map.of());
        api.scan("tech-RC-SZX", serial, "REPAIR_INTAKE", "RC-SZX", Map.of());
        return number;
    }

    private String returnLabel(String number) {
        ResponseEntity<String> label = api.get("supervisor", "/api/cases/" + number + "/return-label.zpl");
        assertThat(label.getStatusCode()).as(label.getBody()).isEqualTo(HttpStatus.OK);
        return label.getBody();
    }

    private List<String> taskIds(String user) {
        return api.taskIds(user);
    }

    private String detail(ResponseEntity<String> response) {
        return api.read(response.getBody()).path("detail").asText();
    }

    private ResponseEntity<String> post(String user, String path, Object body) {
        return api.post(user, path, body);
    }

    private ResponseEntity<String> delete(String user, String path) {
        return http.withBasicAuth(user, "demo").exchange(path, HttpMethod.DELETE, HttpEntity.EMPTY, String.class);
    }
}

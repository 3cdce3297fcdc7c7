package io.spareflow.training;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.spareflow.SpareflowIntegrationTest;
import io.spareflow.customer.SiteInfo;
import io.spareflow.rma.RmaApiClient;
import io.spareflow.rma.RmaApiTestSupport;
import io.spareflow.rma.RmaCaseBpmn;
import io.spareflow.user.NewUser;
import io.spareflow.user.Role;
import io.spareflow.user.Users;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The L1 consult of a remote diagnosis through /api/tasks on PostgreSQL and the real engine: a first owner without a
 * valid L1 certification for the board's product line keeps the case and sees the diagnosis, a certified colleague
 * (at the owner's location first) gets the consult, the owner completes the diagnosis once the advice is back; with
 * nobody certified, the owner's supervisor is asked and the case escalated.
 */
@SpareflowIntegrationTest
class RemoteDiagnosisConsultApiTest extends RmaApiTestSupport {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Users users;
    @Autowired
    Certifications certifications;

    private final String run = UUID.randomUUID().toString().substring(0, 6);

    @Test
    void anUncertifiedFirstOwnerAsksACertifiedColleagueAndCompletesTheDiagnosisWithTheAdvice() {
        String owner = agent("CTU");
        String colleague = agent("CTU");
        LocalDate today = certifications.today();
        assertThat(api.post("admin", "/api/users/" + colleague + "/certifications", Map.of("productLine", "OPTICAL",
                "level", "L1", "issuedBy", "ZTE University, Shenzhen", "validFrom", today.toString(),
                "validUntil", today.plusYears(1).toString())).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String number = reportAndAccept(owner);

        String diagnosis = api.taskOf(owner, number, RmaCaseBpmn.TASK_REMOTE_DIAGNOSIS);
        ResponseEntity<String> tooEarly = api.post(owner, "/api/tasks/" + diagnosis + "/complete",
                Map.of("diagnosisOutcome", "RESOLVED_REMOTELY"));
        assertThat(tooEarly.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(api.read(tooEarly.getBody()).get("detail").asText()).contains("waits for the advice asked of " + colleague);
        assertThat(timelineTexts(number, "CONSULT_REQUESTED")).singleElement().asString()
                .contains(owner + " holds no valid L1 (remote support) certification for OPTICAL")
                .contains("(" + colleague + ") is asked");

        String consult = api.taskOf(colleague, number, RmaCaseBpmn.TASK_CONSULT_DIAGNOSIS);
        JsonNode consultTask = api.read(api.get(colleague, "/api/tasks/" + consult).getBody());
        assertThat(consultTask.get("assignee").asText()).isEqualTo(colleague);
        assertThat(api.post(owner, "/api/tasks/" + consult + "/complete", Map.of("consultAdvice", "mine")).getStatusCode())
                .as("the consult is the colleague's").isEqualTo(HttpStatus.CONFLICT);
        assertThat(api.post(colleague, "/api/tasks/" + consult + "/complete", Map.of()).getStatusCode())
                .as("advice required").isEqualTo(HttpStatus.BAD_REQUEST);
        api.completeTask(colleague, consult, Map.of("consultAdvice", "Reseat the SFP on port 3 and check the Rx power"));

        JsonNode ownersTask = api.read(api.get(owner, "/api/tasks/" + diagnosis).getBody());
        assertThat(ownersTask.get("description").asText()).contains("(" + colleague + "): Reseat the SFP on port 3");
        api.completeTask(owner, diagnosis, Map.of("diagnosisOutcome", "RESOLVED_REMOTELY"));
        api.complete(owner, number, RmaCaseBpmn.TASK_CLOSE_CASE, Map.of("resolution", "SFP reseated remotely"));

        JsonNode closed = api.getCase(number);
        assertThat(closed.get("state").asText()).isEqualTo("CLOSED");
        assertThat(closed.get("firstOwner").get("username").asText()).as("first ownership stays").isEqualTo(owner);
        assertThat(timelineTexts(number, "CONSULT_ANSWERED")).singleElement().asString().contains("Reseat the SFP");
        assertThat(timelineTexts(number, "TRANSFERRED")).isEmpty();
    }

    @Test
    void aCertifiedFirstOwnerDiagnosesWithoutAConsult() {
        String number = reportAndAccept("agent");
        assertThat(api.taskIds("agent")).contains(api.taskOf("agent", number, RmaCaseBpmn.TASK_REMOTE_DIAGNOSIS));
        assertThat(timelineTexts(number, "CONSULT_REQUESTED")).isEmpty();
        api.complete("agent", number, RmaCaseBpmn.TASK_REMOTE_DIAGNOSIS, Map.of("diagnosisOutcome", "RESOLVED_REMOTELY"));
    }

    @Test
    void withNobodyCertifiedTheSupervisorIsAskedAndTheCaseEscalated() {
        String owner = agent("CTU");
        String number;
        try (SuspendedCertifications none = SuspendedCertifications.of(jdbc, certifications.today(), "OPTICAL", CertificationLevel.L1)) {
            number = reportAndAccept(owner);
        }
        assertThat(timelineTexts(number, "ESCALATED")).singleElement().asString()
                .contains("no other agent does: the supervisor supervisor is asked");
        String consult = api.taskOf("supervisor", number, RmaCaseBpmn.TASK_CONSULT_DIAGNOSIS);
        api.completeTask("supervisor", consult, Map.of("consultAdvice", "Send a spare; the line card is known to fail"));
        api.complete(owner, number, RmaCaseBpmn.TASK_REMOTE_DIAGNOSIS, Map.of("diagnosisOutcome", "RESOLVED_REMOTELY"));
    }

    /** A PLATINUM case of a new OPTICAL board at Chengdu, accepted by {@code owner}: it waits for remote diagnosis. */
    private String reportAndAccept(String owner) {
        SiteInfo chengdu = fixture.chengdu();
        String number = api.report("agent", chengdu.customerCode(), chengdu.id(), fixture.installedAt(fixture.part(), chengdu));
        api.complete(owner, number, RmaCaseBpmn.TASK_ACCEPT_CASE, Map.of());
        return number;
    }

    private String agent(String location) {
        String username = "l1-" + run + "-" + UUID.randomUUID().toString().substring(0, 4);
        users.create(new NewUser(username, "demo", "Agent " + username, username + "@spareflow.local", Role.AGENT,
                location, "supervisor"));
        return username;
    }

    private List<String> timelineTexts(String number, String kind) {
        return RmaApiClient.timelineTexts(api.getCase(number), kind);
    }
}

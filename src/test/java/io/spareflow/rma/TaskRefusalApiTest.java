package io.spareflow.rma;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.spareflow.SpareflowIntegrationTest;
import io.spareflow.customer.SiteInfo;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * A task completion runs as one engine command (the look-up, the checks, the claim and the form submission): a
 * refusal inside it — a wrong field value, or a listener refusing what the case's rules forbid — is still the 400
 * problem it was, changes nothing, and is not logged as a failed engine command.
 */
@SpareflowIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class TaskRefusalApiTest extends RmaApiTestSupport {

    @Test
    void refusedCompletionsAreBadRequestsThatChangeNothingAndAreNotLoggedAsEngineFailures(CapturedOutput output) {
        String part = fixture.part();
        SiteInfo site = fixture.chengdu();
        String faulty = fixture.installedAt(part, site);
        String inStock = fixture.inStock(part, "CTU");
        String number = api.reportAndAccept(site, faulty);
        String diagnosis = api.taskOf("agent", number, "Task_RemoteDiagnosis");
        int logged = output.getOut().length();

        ResponseEntity<String> notAllowed = api.post("agent", "/api/tasks/" + diagnosis + "/complete",
                Map.of("diagnosisOutcome", "MAGIC"));
        assertThat(notAllowed.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(api.read(notAllowed.getBody()).at("/errors/diagnosisOutcome").asText())
                .contains("RESOLVED_REMOTELY", "SPARE_NEEDED", "ENGINEER_ON_SITE");

        // the remote diagnosis's task listener refuses a board that is not installed at the case's site
        ResponseEntity<String> listenerRefused = api.post("agent", "/api/tasks/" + diagnosis + "/complete",
                Map.of("diagnosisOutcome", "SPARE_NEEDED", "faultySerials", inStock));
        assertThat(listenerRefused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        JsonNode problem = api.read(listenerRefused.getBody());
        assertThat(problem.get("detail").asText()).contains(inStock);
        assertThat(problem.at("/errors/faultySerials").isTextual()).as(listenerRefused.getBody()).isTrue();

        assertThat(api.taskOf("agent", number, "Task_RemoteDiagnosis")).as("the task is still open").isEqualTo(diagnosis);
        assertThat(api.getCase(number).get("state").asText()).isEqualTo("DIAGNOSING");
        String during = output.getOut().substring(logged);
        assertThat(during).doesNotContain("ENGINE-16004").doesNotContain(" ERROR ");

        api.completeTask("agent", diagnosis, Map.of("diagnosisOutcome", "SPARE_NEEDED"));
        assertThat(api.getCase(number).at("/lines/0/serial").asText()).isEqualTo(faulty);
    }
}

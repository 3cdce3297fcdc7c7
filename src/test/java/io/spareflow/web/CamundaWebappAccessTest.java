package io.spareflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.spareflow.SpareflowIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** Cockpit trusts the Spareflow session: an administrator signed in once reaches it, nobody else does. */
@SpareflowIntegrationTest
class CamundaWebappAccessTest {

    @Autowired
    TestRestTemplate rest;

    @Test
    void anAdministratorSignedInToSpareflowUsesCockpitWithoutASecondLogin() {
        PageSession admin = PageSession.signIn(rest, "admin");
        assertThat(admin.get("/camunda/app/cockpit/default/").getStatusCode()).isEqualTo(HttpStatus.OK);
        ResponseEntity<String> definitions = admin.get("/camunda/api/engine/engine/default/process-definition/count");
        assertThat(definitions.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(definitions.getBody()).contains("\"count\"");
    }

    @Test
    void aSupervisorIsKeptOutOfCockpit() {
        PageSession supervisor = PageSession.signIn(rest, "supervisor");
        assertThat(supervisor.get("/camunda/app/cockpit/default/").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(supervisor.get("/camunda/api/engine/engine/default/process-definition/count").getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
    }
}

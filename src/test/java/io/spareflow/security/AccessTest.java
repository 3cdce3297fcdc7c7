package io.spareflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.spareflow.SpareflowIntegrationTest;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

@SpareflowIntegrationTest
class AccessTest {

    @Autowired
    TestRestTemplate rest;

    @ParameterizedTest
    @ValueSource(strings = {"admin", "supervisor", "agent", "depot-CTU", "depot-UIO", "tech-RC-SZX"})
    void everyRoleReadsTheMasterData(String user) {
        for (String path : new String[] {"/api/locations", "/api/parts", "/api/customers", "/api/tiers", "/api/boards"}) {
            assertThat(rest.withBasicAuth(user, "demo").getForEntity(path, String.class).getStatusCode())
                    .as("%s GET %s", user, path).isEqualTo(HttpStatus.OK);
        }
    }

    @Test
    void noCredentialsIsAProblem401() {
        ResponseEntity<Map> response = rest.getForEntity("/api/locations", Map.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Basic");
        assertThat((String) response.getBody().get("detail")).contains("HTTP Basic");
    }

    @ParameterizedTest
    @CsvSource({"admin, wrong", "agent, Demo", "nobody, demo"})
    void wrongPasswordOrUnknownUserIs401(String user, String password) {
        assertThat(rest.withBasicAuth(user, password).getForEntity("/api/parts", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @ParameterizedTest
    @CsvSource({"admin, 200", "supervisor, 403", "agent, 403", "depot-CTU, 403", "tech-RC-SZX, 403"})
    void camundaRestApiIsForAdminsOnly(String user, int status) {
        assertThat(rest.withBasicAuth(user, "demo").getForEntity("/engine-rest/engine", String.class).getStatusCode().value())
                .isEqualTo(status);
    }

    @Test
    void camundaRestApiWithoutCredentialsIs401() {
        assertThat(rest.getForEntity("/engine-rest/engine", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"supervisor", "agent", "depot-CTU", "tech-RC-SZX"})
    void onlyAdminsChangeTiers(String user) {
        ResponseEntity<Map> response = rest.withBasicAuth(user, "demo").exchange("/api/tiers/GOLD", HttpMethod.PUT,
                json(Map.of("description", "x")), Map.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void healthIsPublicAndUp() {
        ResponseEntity<Map> health = rest.getForEntity("/actuator/health", Map.class);
        assertThat(health.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(health.getBody()).containsEntry("status", "UP");
    }

    @Test
    void pagesAskForTheLoginForm() {
        ResponseEntity<String> response = rest.getForEntity("/camunda/app/cockpit/", String.class);
        assertThat(response.getBody()).as("redirected to the login form").contains("name=\"password\"").contains("Sign in");
        assertThat(rest.withBasicAuth("agent", "demo").getForEntity("/camunda/app/cockpit/", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    static HttpEntity<Object> json(Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(body, headers);
    }
}

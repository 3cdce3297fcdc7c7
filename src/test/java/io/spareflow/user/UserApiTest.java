package io.spareflow.user;

import static io.spareflow.user.UserFixture.PASSWORD;
import static io.spareflow.user.UserFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.spareflow.SpareflowIntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

@SpareflowIntegrationTest
class UserApiTest {

    @Autowired
    TestRestTemplate rest;

    @Test
    void anAdminCreatesATechnicianWhoSignsInAndTheCreationIsAudited() {
        String tech = UserFixture.create(rest, "tech", Role.TECHNICIAN, "RC-NKG");

        JsonNode user = rest.withBasicAuth("admin", "demo").getForObject("/api/users/" + tech, JsonNode.class);
        assertThat(user.get("role").asText()).isEqualTo("TECHNICIAN");
        assertThat(user.get("locationCode").asText()).isEqualTo("RC-NKG");
        assertThat(user.get("enabled").asBoolean()).isTrue();
        assertThat(user.has("passwordHash")).isFalse();
        assertThat(rest.withBasicAuth(tech, PASSWORD).getForEntity("/api/parts", String.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);

        JsonNode audit = rest.withBasicAuth("admin", "demo").getForObject("/api/audit?entity=USER&id=" + tech, JsonNode.class);
        assertThat(audit).hasSize(1);
        assertThat(audit.get(0).get("action").asText()).isEqualTo("CREATE");
        assertThat(audit.get(0).get("actor").asText()).isEqualTo("admin");
        assertThat(audit.get(0).at("/after/locationCode").asText()).isEqualTo("RC-NKG");
        assertThat(audit.get(0).toString()).doesNotContain(PASSWORD).doesNotContain("$2a$");
        JsonNode all = rest.withBasicAuth("admin", "demo").getForObject("/api/users", JsonNode.class);
        assertThat(all.findValuesAsText("username")).contains(tech, "admin", "depot-CTU");
    }

    @ParameterizedTest
    @CsvSource({
            "DEPOT, RC-SZX, , locationCode, depot",
            "DEPOT, , , locationCode, depot",
            "TECHNICIAN, CTU, , locationCode, repair center",
            "AGENT, , , locationCode, location",
            "AGENT, NOWHERE, , locationCode, NOWHERE",
            "AGENT, SZX, agent, supervisor, SUPERVISOR",
            "AGENT, SZX, ghost, supervisor, ghost"})
    void theScopeOfARoleIsChecked(Role role, String location, String supervisor, String field, String reason) {
        Map<String, Object> body = UserFixture.body(UserFixture.uniqueName("bad"), role, location);
        body.put("supervisor", supervisor);
        body.put("password", PASSWORD);
        ResponseEntity<JsonNode> response = rest.withBasicAuth("admin", "demo").exchange("/api/users", HttpMethod.POST,
                json(body), JsonNode.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBody().at("/errors/" + field).asText()).contains(reason);
        assertThat(rest.withBasicAuth("admin", "demo").getForEntity("/api/users/" + body.get("username"), String.class)
                .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @ParameterizedTest
    @CsvSource({"short-pass, 12 characters", "password1234, common", "xx-USERNAME-xx, user name", "emanresu-backwards, backwards"})
    void aWeakFirstPasswordIsRefusedWithTheRule(String password, String reason) {
        String username = UserFixture.uniqueName("weak");
        Map<String, Object> body = UserFixture.body(username, Role.SUPERVISOR, null);
        body.put("password", password.replace("USERNAME", username).replace("emanresu", new StringBuilder(username).reverse()));
        ResponseEntity<JsonNode> response = rest.withBasicAuth("admin", "demo").exchange("/api/users", HttpMethod.POST,
                json(body), JsonNode.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody().at("/errors/password").asText()).contains(reason);
    }

    @Test
    void anExistingNameIsAConflictAndRenamingIsRefused() {
        String agent = UserFixture.create(rest, "agent", Role.AGENT, "SZX");
        Map<String, Object> body = UserFixture.body(agent, Role.AGENT, "SZX");
        assertThat(rest.withBasicAuth("admin", "demo").exchange("/api/users", HttpMethod.POST, json(body), String.class)
                .getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        body.put("username", agent + "-renamed");
        ResponseEntity<JsonNode> renamed = rest.withBasicAuth("admin", "demo").exchange("/api/users/" + agent,
                HttpMethod.PUT, json(body), JsonNode.class);
        assertThat(renamed.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(renamed.getBody().at("/errors/username").asText()).contains("renamed");
    }

    @Test
    void aChangeIsStoredAndAuditedWithBeforeAndAfter() {
        String agent = UserFixture.create(rest, "agent", Role.AGENT, "SZX");
        Map<String, Object> body = UserFixture.body(agent, Role.AGENT, "CTU");
        body.put("supervisor", "supervisor");
        body.put("locale", "zh-CN");
        ResponseEntity<JsonNode> changed = rest.withBasicAuth("admin", "demo").exchange("/api/users/" + agent,
                HttpMethod.PUT, json(body), JsonNode.class);
        assertThat(changed.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(changed.getBody().get("locationCode").asText()).isEqualTo("CTU");
        assertThat(changed.getBody().get("supervisor").asText()).isEqualTo("supervisor");
        assertThat(changed.getBody().get("locale").asText()).isEqualTo("zh-CN");

        JsonNode latest = rest.withBasicAuth("admin", "demo").getForObject("/api/audit?entity=USER&id=" + agent, JsonNode.class).get(0);
        assertThat(latest.get("action").asText()).isEqualTo("UPDATE");
        assertThat(latest.at("/before/locationCode").asText()).isEqualTo("SZX");
        assertThat(latest.at("/after/locationCode").asText()).isEqualTo("CTU");
    }

    @Test
    void disablingAUserEndsTheirApiAccessAtOnce() {
        String depot = UserFixture.create(rest, "depot", Role.DEPOT, "CTU");
        assertThat(rest.withBasicAuth(depot, PASSWORD).getForEntity("/api/parts", String.class).getStatusCode())
                .as("signed in, so the credentials are remembered").isEqualTo(HttpStatus.OK);
        Map<String, Object> body = UserFixture.body(depot, Role.DEPOT, "CTU");
        body.put("enabled", false);
        assertThat(rest.withBasicAuth("admin", "demo").exchange("/api/users/" + depot, HttpMethod.PUT, json(body),
                String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(rest.withBasicAuth(depot, PASSWORD).getForEntity("/api/parts", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        body.put("enabled", true);
        rest.withBasicAuth("admin", "demo").exchange("/api/users/" + depot, HttpMethod.PUT, json(body), String.class);
        assertThat(rest.withBasicAuth(depot, PASSWORD).getForEntity("/api/parts", String.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
    }

    @ParameterizedTest
    @ValueSource(strings = {"supervisor", "agent", "depot-CTU", "tech-RC-SZX"})
    void onlyAdminsAdministerUsers(String user) {
        assertThat(rest.withBasicAuth(user, "demo").getForEntity("/api/users", String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(rest.withBasicAuth(user, "demo").getForEntity("/api/users/admin", String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(rest.withBasicAuth(user, "demo").exchange("/api/users", HttpMethod.POST,
                json(UserFixture.body("x-" + user, Role.ADMIN, null)), String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(rest.withBasicAuth(user, "demo").exchange("/api/users/" + user + "/password-reset", HttpMethod.POST,
                null, String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }
}

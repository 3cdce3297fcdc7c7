package io.spareflow.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.spareflow.SpareflowIntegrationTest;
import io.spareflow.user.Role;
import io.spareflow.user.UserFixture;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.util.HtmlUtils;

/** The user administration pages: create, refuse with the reason, disable (which ends the user's sessions on every node). */
@SpareflowIntegrationTest
class UserAdminPageTest {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void anAdminCreatesADepotUserOnThePageAndAWrongScopeIsExplained() {
        PageSession admin = PageSession.signIn(rest, "admin");
        assertThat(admin.get("/admin").getBody()).contains("href=\"/admin/users\"");
        String username = UserFixture.uniqueName("page");

        ResponseEntity<String> refused = admin.postForm("/admin/users", form(username, Role.DEPOT, "RC-SZX"),
                MediaType.APPLICATION_FORM_URLENCODED);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(HtmlUtils.htmlUnescape(refused.getBody())).contains("A DEPOT user needs the code of a depot")
                .contains("value=\"" + username + "\"");

        ResponseEntity<String> created = admin.postForm("/admin/users", form(username, Role.DEPOT, "CTU"),
                MediaType.APPLICATION_FORM_URLENCODED);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.FOUND);
        assertThat(created.getHeaders().getLocation().getPath()).isEqualTo("/admin/users/" + username);
        String page = HtmlUtils.htmlUnescape(admin.get("/admin/users/" + username).getBody());
        assertThat(page).contains("User " + username + " created").contains("No open tasks or cases");
        assertThat(admin.get("/admin/users").getBody()).contains(username);
    }

    @Test
    void disablingAUserEndsTheirPageSessionAtOnce() {
        String agent = UserFixture.create(rest, "session", Role.AGENT, "SZX");
        PageSession session = PageSession.signIn(rest, agent, UserFixture.PASSWORD);
        assertThat(session.get("/hotline").getStatusCode()).isEqualTo(HttpStatus.OK);

        PageSession admin = PageSession.signIn(rest, "admin");
        MultiValueMap<String, Object> disable = form(null, Role.AGENT, "SZX");
        disable.remove("enabled");
        ResponseEntity<String> saved = admin.postForm("/admin/users/" + agent, disable, MediaType.APPLICATION_FORM_URLENCODED);
        assertThat(saved.getStatusCode()).isEqualTo(HttpStatus.FOUND);
        assertThat(HtmlUtils.htmlUnescape(admin.get("/admin/users/" + agent).getBody())).contains("disabled");

        ResponseEntity<String> after = session.get("/hotline");
        assertThat(after.getBody()).as("signed out, on the sign-in page").contains("name=\"password\"")
                .contains("Your session was ended by an administrator");
    }

    /** A user disabled elsewhere — another node, or SQL by hand — loses their page session on this node too. */
    @Test
    void aUserDisabledInTheDatabaseLosesTheirPageSessionHere() {
        String agent = UserFixture.create(rest, "elsewhere", Role.AGENT, "SZX");
        PageSession session = PageSession.signIn(rest, agent, UserFixture.PASSWORD);
        assertThat(session.get("/hotline").getStatusCode()).isEqualTo(HttpStatus.OK);

        jdbc.update("UPDATE app_user SET enabled = FALSE WHERE username = ?", agent);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(session.get("/hotline").getBody())
                .as("signed out, on the sign-in page").contains("name=\"password\"")
                .contains("Your session was ended by an administrator"));
    }

    private static MultiValueMap<String, Object> form(String username, Role role, String location) {
        MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        if (username != null) {
            form.add("username", username);
        }
        form.add("displayName", "Page user");
        form.add("email", "page.user@spareflow.local");
        form.add("role", role.name());
        form.add("locationCode", location);
        form.add("locale", "en");
        form.add("enabled", "on");
        form.add("password", UserFixture.PASSWORD);
        return form;
    }
}

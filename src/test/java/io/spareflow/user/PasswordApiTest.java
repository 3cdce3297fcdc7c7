package io.spareflow.user;

import static io.spareflow.user.UserFixture.PASSWORD;
import static io.spareflow.user.UserFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import io.spareflow.SpareflowIntegrationTest;
import io.spareflow.notify.Mailboxes;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.http.client.ClientHttpRequestFactorySettings.Redirects;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

@SpareflowIntegrationTest
class PasswordApiTest {

    private static final Pattern LINK = Pattern.compile("https?://[^\\s<>\"]+/password-reset/([A-Za-z0-9_-]{43})");
    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @Autowired
    TestRestTemplate rest;
    @Autowired
    GreenMail mailServer;

    @Test
    void aUserChangesTheirPasswordKnowingTheCurrentOne() {
        String agent = UserFixture.create(rest, "agent", Role.AGENT, "SZX");
        String next = "a much longer phrase of words";

        ResponseEntity<JsonNode> wrongCurrent = change(agent, PASSWORD, "not the password", next);
        assertThat(wrongCurrent.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(wrongCurrent.getBody().get("detail").asText()).contains("current password is wrong");
        ResponseEntity<JsonNode> weak = change(agent, PASSWORD, PASSWORD, "qwerty123456");
        assertThat(weak.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(weak.getBody().at("/errors/new").asText()).contains("common");

        assertThat(change(agent, PASSWORD, PASSWORD, next).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(rest.withBasicAuth(agent, PASSWORD).getForEntity("/api/parts", String.class).getStatusCode())
                .as("the old password no longer works, even though it was remembered").isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(rest.withBasicAuth(agent, next).getForEntity("/api/parts", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode audit = rest.withBasicAuth("admin", "demo").getForObject("/api/audit?entity=USER&id=" + agent, JsonNode.class).get(0);
        assertThat(audit.get("actor").asText()).isEqualTo(agent);
        assertThat(audit.at("/after/passwordChangedAt").asText()).isNotEqualTo(audit.at("/before/passwordChangedAt").asText());
        assertThat(audit.toString()).doesNotContain(next);
    }

    @Test
    void aMailedLinkSetsANewPasswordOnceAndOnlyOnce() throws Exception {
        String tech = UserFixture.create(rest, "tech", Role.TECHNICIAN, "RC-DXB");
        ResponseEntity<JsonNode> sent = rest.withBasicAuth("admin", "demo").exchange("/api/users/" + tech + "/password-reset",
                HttpMethod.POST, null, JsonNode.class);
        assertThat(sent.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(sent.getBody().get("email").asText()).isEqualTo(tech + "@spareflow.local");

        String token = linkIn(tech + "@spareflow.local", "choose a new password");
        ResponseEntity<String> form = rest.getForEntity("/password-reset/" + token, String.class);
        assertThat(form.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(form.getBody()).contains("name=\"password\"");

        assertThat(setPassword(token, "short", form).getStatusCode()).as("refused, the link stays usable").isEqualTo(HttpStatus.BAD_REQUEST);
        String chosen = "lantern river copper autumn";
        ResponseEntity<String> set = setPassword(token, chosen, rest.getForEntity("/password-reset/" + token, String.class));
        assertThat(set.getStatusCode()).isEqualTo(HttpStatus.FOUND);
        assertThat(set.getHeaders().getLocation().toString()).contains("/login?passwordSet");
        assertThat(rest.withBasicAuth(tech, chosen).getForEntity("/api/parts", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(rest.withBasicAuth(tech, PASSWORD).getForEntity("/api/parts", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);

        ResponseEntity<String> again = rest.getForEntity("/password-reset/" + token, String.class);
        assertThat(again.getStatusCode()).as("used up").isEqualTo(HttpStatus.GONE);
        assertThat(again.getBody()).contains("unknown, used or expired");
        assertThat(rest.getForEntity("/password-reset/" + "x".repeat(43), String.class).getStatusCode()).isEqualTo(HttpStatus.GONE);
    }

    @Test
    void aNewUserWithoutAPasswordIsMailedALinkToChooseOne() throws Exception {
        String username = UserFixture.uniqueName("sup");
        Map<String, Object> body = UserFixture.body(username, Role.SUPERVISOR, null);
        body.put("locale", "zh-CN");
        assertThat(rest.withBasicAuth("admin", "demo").exchange("/api/users", HttpMethod.POST, json(body), String.class)
                .getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String token = linkIn(username + "@spareflow.local", "新账户");
        assertThat(rest.getForEntity("/password-reset/" + token, String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    private String linkIn(String address, String subject) throws InterruptedException {
        List<MimeMessage> mails = Mailboxes.await(mailServer, address, Mailboxes.subjectContains(subject), 1);
        assertThat(mails).as("mail to %s", address).hasSize(1);
        Matcher link = LINK.matcher(Mailboxes.text(mails.get(0)));
        assertThat(link.find()).isTrue();
        return link.group(1);
    }

    private ResponseEntity<String> setPassword(String token, String password, ResponseEntity<String> formPage) {
        Matcher csrf = CSRF_FIELD.matcher(formPage.getBody());
        assertThat(csrf.find()).isTrue();
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        headers.add(HttpHeaders.COOKIE, formPage.getHeaders().get(HttpHeaders.SET_COOKIE).stream()
                .filter(c -> c.startsWith("JSESSIONID=")).map(c -> c.substring(0, c.indexOf(';'))).findFirst().orElseThrow());
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("password", password);
        form.add("confirm", password);
        form.add("_csrf", csrf.group(1));
        return rest.withRedirects(Redirects.DONT_FOLLOW).exchange("/password-reset/" + token, HttpMethod.POST,
                new HttpEntity<>(form, headers), String.class);
    }

    private ResponseEntity<JsonNode> change(String user, String signIn, String current, String next) {
        return rest.withBasicAuth(user, signIn).exchange("/api/account/password", HttpMethod.POST,
                json(Map.of("current", current, "new", next)), JsonNode.class);
    }
}

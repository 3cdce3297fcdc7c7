package io.spareflow.common;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.spareflow.SpareflowIntegrationTest;
import io.spareflow.board.BoardStatus;
import io.spareflow.board.Boards;
import io.spareflow.board.NewBoard;
import io.spareflow.user.Role;
import io.spareflow.user.UserFixture;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The API answers in the language of {@code Accept-Language} (zh-CN or en): problem titles and details, and a scan's
 * next step; without the header in the user's own language, else English. Field names and codes never change.
 */
@SpareflowIntegrationTest
class ApiLanguageTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    Boards boards;
    @Autowired
    ObjectMapper json;

    @Test
    void anInvalidRequestIsRefusedInChineseForAChineseClientAndInEnglishOtherwise() throws Exception {
        Map<String, Object> noCode = Map.of("action", "RECEIVE", "location", "CTU", "clientScanId", "api-lang-" + UUID.randomUUID());

        ResponseEntity<String> chinese = scan("depot-CTU", noCode, "zh-CN");
        ResponseEntity<String> english = scan("depot-CTU", noCode, "en-GB,en;q=0.9");
        ResponseEntity<String> unsaid = scan("depot-CTU", noCode, null);

        assertThat(chinese.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(chinese.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        JsonNode problem = json.readTree(chinese.getBody());
        assertThat(problem.get("title").asText()).isEqualTo("请求无效");
        assertThat(problem.get("detail").asText()).startsWith("部分字段不可接受：").contains("code");
        assertThat(problem.get("status").asInt()).isEqualTo(400);
        assertThat(problem.get("errors").fieldNames()).toIterable().containsExactly("code");
        // Bean Validation's own message, in Chinese too.
        assertThat(problem.get("errors").get("code").asText()).containsPattern("\\p{IsHan}");
        for (ResponseEntity<String> inEnglish : java.util.List.of(english, unsaid)) {
            JsonNode same = json.readTree(inEnglish.getBody());
            assertThat(same.get("title").asText()).isEqualTo("Invalid request");
            assertThat(same.get("detail").asText()).startsWith("Some fields are not acceptable: code");
            assertThat(same.get("errors").fieldNames()).toIterable().containsExactly("code");
        }
    }

    @Test
    void aScanAnswersItsNextStepInTheClientsLanguage() throws Exception {
        JsonNode chinese = json.readTree(scan("depot-CTU", receive(newBoard()), "zh-CN").getBody());
        JsonNode english = json.readTree(scan("depot-CTU", receive(newBoard()), "en").getBody());

        assertThat(chinese.get("result").asText()).isEqualTo("ACCEPTED");
        assertThat(chinese.get("to").asText()).isEqualTo("RECEIVED");
        assertThat(chinese.get("next").asText()).isEqualTo("上架，然后扫描 PUTAWAY");
        assertThat(english.get("next").asText()).isEqualTo("Put on shelf, then scan PUTAWAY");
    }

    @Test
    void withoutAnAcceptLanguageTheUsersOwnLanguageAnswersAndTheHeaderWinsOverIt() throws Exception {
        String chineseUser = UserFixture.uniqueName("zh-depot");
        Map<String, Object> user = UserFixture.body(chineseUser, Role.DEPOT, "CTU");
        user.put("locale", "zh-CN");
        user.put("password", UserFixture.PASSWORD);
        assertThat(http.withBasicAuth("admin", "demo").exchange("/api/users", HttpMethod.POST, UserFixture.json(user),
                String.class).getStatusCode()).isEqualTo(HttpStatus.CREATED);

        JsonNode ownLanguage = json.readTree(scan(chineseUser, receive(newBoard()), null).getBody());
        JsonNode asked = json.readTree(scan(chineseUser, receive(newBoard()), "en").getBody());

        assertThat(ownLanguage.get("next").asText()).isEqualTo("上架，然后扫描 PUTAWAY");
        assertThat(asked.get("next").asText()).isEqualTo("Put on shelf, then scan PUTAWAY");
    }

    @Test
    void aRefusalAtTheDoorIsInTheClientsLanguage() throws Exception {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.ACCEPT_LANGUAGE, "zh-CN,zh;q=0.9,en;q=0.5");
        ResponseEntity<String> anonymous = http.exchange("/api/scans", HttpMethod.GET, new HttpEntity<>(headers), String.class);
        ResponseEntity<String> agent = http.withBasicAuth("agent", "demo").exchange("/api/kpis", HttpMethod.GET,
                new HttpEntity<>(headers), String.class);

        assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(json.readTree(anonymous.getBody()).get("title").asText()).isEqualTo("未认证");
        assertThat(agent.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(json.readTree(agent.getBody()).get("detail").asText()).isEqualTo("您的角色无权执行此操作：GET /api/kpis");
    }

    private String newBoard() {
        String serial = "LANG" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        boards.register(new NewBoard(serial, "130103811", null, BoardStatus.IN_TRANSIT, "CTU", null));
        return serial;
    }

    private static Map<String, Object> receive(String serial) {
        return Map.of("code", serial, "action", "RECEIVE", "location", "CTU", "clientScanId", "api-lang-" + UUID.randomUUID(),
                "device", "test-scanner");
    }

    private ResponseEntity<String> scan(String user, Map<String, Object> body, String acceptLanguage) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        if (acceptLanguage != null) {
            headers.set(HttpHeaders.ACCEPT_LANGUAGE, acceptLanguage);
        }
        String password = user.startsWith("zh-depot") ? UserFixture.PASSWORD : "demo";
        return http.withBasicAuth(user, password).exchange("/api/scans", HttpMethod.POST, new HttpEntity<>(body, headers),
                String.class);
    }
}

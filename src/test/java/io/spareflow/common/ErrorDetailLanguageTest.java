package io.spareflow.common;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.spareflow.SpareflowIntegrationTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The details the features write into their errors are in the language of {@code Accept-Language}: one refusal of each
 * feature, answered in Simplified Chinese for zh-CN and in the same English words as before for en, field errors too.
 */
@SpareflowIntegrationTest
class ErrorDetailLanguageTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    ObjectMapper json;

    static Stream<Arguments> refusals() {
        String unknownBoard = "NOSUCH" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        return Stream.of(
                refusal("board", "agent", HttpMethod.GET, "/api/boards/NOSUCH-BOARD-1", null, 404,
                        "Board 'NOSUCH-BOARD-1' does not exist", "单板“NOSUCH-BOARD-1”不存在"),
                refusal("location", "agent", HttpMethod.GET, "/api/locations/ZZ-NONE", null, 404,
                        "Location 'ZZ-NONE' does not exist", "地点“ZZ-NONE”不存在"),
                refusal("tier", "admin", HttpMethod.GET, "/api/tiers/NO-SUCH-TIER", null, 404,
                        "Service tier 'NO-SUCH-TIER' does not exist", "服务等级“NO-SUCH-TIER”不存在"),
                refusal("user", "admin", HttpMethod.GET, "/api/users/nobody-at-all", null, 404,
                        "User 'nobody-at-all' does not exist", "用户“nobody-at-all”不存在"),
                refusal("customer", "admin", HttpMethod.GET, "/api/customers/NO-SUCH-OPERATOR", null, 404,
                        "Customer 'NO-SUCH-OPERATOR' does not exist", "客户“NO-SUCH-OPERATOR”不存在"),
                refusal("worklist", "agent", HttpMethod.POST, "/api/tasks/no-such-task/claim", null, 404,
                        "Task 'no-such-task' does not exist", "任务“no-such-task”不存在"),
                refusal("repair", "admin", HttpMethod.GET, "/api/repairs/suggestions?part=130103811&limit=99", null, 400,
                        "limit must be between 1 and 50", "limit 须在 1 到 50 之间"),
                refusal("label", "depot-CTU", HttpMethod.GET, "/api/cases/NO-CASE/return-label.gif", null, 400,
                        "Labels are printed as png, pdf or zpl, not 'gif'", "标签只能打印为 png、pdf 或 zpl，不能是“gif”"),
                refusal("sourcing", "agent", HttpMethod.POST, "/api/sourcing/quotes",
                        Map.of("partNumber", "130103811", "siteId", 1, "lat", 30.6, "lon", 104.1), 400,
                        "Give either siteId or both lat and lon, not both and not neither",
                        "请给出 siteId，或同时给出 lat 和 lon，二者只能选其一"),
                refusal("scan", "depot-CTU", HttpMethod.POST, "/api/scans",
                        Map.of("code", unknownBoard, "action", "PICK", "location", "CTU", "clientScanId", "err-lang-" + UUID.randomUUID()),
                        404, "No board with serial " + unknownBoard + " is registered. A board nobody expects is taken in with"
                                + " RECEIVE or DEFECTIVE_RECEIVE, which puts it in quarantine for a supervisor",
                        "没有登记序列号为 " + unknownBoard + " 的单板。无人预期的单板用 RECEIVE 或 DEFECTIVE_RECEIVE 收货，它会被隔离并交由主管处理"),
                refusal("scan code", "depot-CTU", HttpMethod.POST, "/api/scans",
                        Map.of("code", "(99)ABC(21)SZ2114000417", "action", "RECEIVE", "location", "CTU", "clientScanId", "err-lang-" + UUID.randomUUID()),
                        400, "Read '(99)ABC(21)SZ2114000417': not a board code, (99) is not an Application Identifier a board label uses",
                        "读到“(99)ABC(21)SZ2114000417”：不是单板编码，(99) 不是单板标签所用的应用标识符"),
                refusal("case", "agent", HttpMethod.GET, "/api/cases/NO-SUCH-CASE", null, 404,
                        "Case 'NO-SUCH-CASE' does not exist", "工单“NO-SUCH-CASE”不存在"),
                refusal("case search", "agent", HttpMethod.GET, "/api/cases?limit=9999", null, 400,
                        "limit must be between 1 and 500", "limit 须在 1 到 500 之间"),
                refusal("calendar", "admin", HttpMethod.GET, "/api/calendars/XYZ?year=2026", null, 400,
                        "Country 'XYZ' is not a two-letter ISO 3166 code (for example CN, EG, EC).",
                        "国家“XYZ”不是两位 ISO 3166 代码（例如 CN、EG、EC）。"),
                refusal("scan scope", "depot-CTU", HttpMethod.GET, "/api/scans?location=CKG", null, 403, null, null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void aFeaturesRefusalIsDetailedInTheReadersLanguage(String feature, String user, HttpMethod method, String path,
                                                        Map<String, Object> body, int status, String english, String chinese)
            throws Exception {
        JsonNode inChinese = refuse(user, method, path, body, "zh-CN", status);
        JsonNode inEnglish = refuse(user, method, path, body, "en", status);

        String chineseDetail = inChinese.get("detail").asText();
        assertThat(chineseDetail).as(feature).containsPattern("\\p{IsHan}").isNotEqualTo(inEnglish.get("detail").asText());
        assertThat(inEnglish.get("detail").asText()).as(feature).doesNotContainPattern("\\p{IsHan}");
        if (english != null) {
            assertThat(inEnglish.get("detail").asText()).isEqualTo(english);
            assertThat(chineseDetail).isEqualTo(chinese);
        }
        if (inChinese.has("errors")) {
            inChinese.get("errors").forEach(reason -> assertThat(reason.asText()).as(feature + " field error").containsPattern("\\p{IsHan}"));
            inEnglish.get("errors").forEach(reason -> assertThat(reason.asText()).as(feature + " field error").doesNotContainPattern("\\p{IsHan}"));
        }
    }

    static Stream<Arguments> springRefusals() {
        return Stream.of(
                Arguments.of("405", HttpMethod.DELETE, "/api/boards", null, null, 405),
                Arguments.of("415", HttpMethod.POST, "/api/scans", MediaType.TEXT_PLAIN, null, 415),
                Arguments.of("406", HttpMethod.GET, "/api/locations/CTU", null, MediaType.APPLICATION_XML, 406),
                Arguments.of("missing parameter", HttpMethod.GET, "/api/repairs/suggestions", null, null, 400),
                Arguments.of("unknown path", HttpMethod.GET, "/api/no-such-thing", null, null, 404),
                Arguments.of("unreadable body", HttpMethod.POST, "/api/scans", MediaType.APPLICATION_JSON, null, 400));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("springRefusals")
    void springsOwnRefusalsAreProblemsInTheReadersLanguage(String what, HttpMethod method, String path, MediaType contentType,
                                                   MediaType accept, int status) throws Exception {
        for (String language : List.of("zh-CN", "en")) {
            HttpHeaders headers = new HttpHeaders();
            headers.set(HttpHeaders.ACCEPT_LANGUAGE, language);
            if (contentType != null) {
                headers.setContentType(contentType);
            }
            if (accept != null) {
                headers.setAccept(List.of(accept));
            }
            ResponseEntity<String> answer = http.withBasicAuth("admin", "demo").exchange(path, method,
                    new HttpEntity<>(contentType == null ? null : "{not json", headers), String.class);
            assertThat(answer.getStatusCode().value()).as(what).isEqualTo(status);
            assertThat(answer.getHeaders().getContentType()).as(what).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            JsonNode problem = json.readTree(answer.getBody());
            for (String field : List.of("title", "detail")) {
                if (language.equals("en")) {
                    assertThat(problem.get(field).asText()).as(what + " " + field).doesNotContainPattern("\\p{IsHan}");
                } else {
                    assertThat(problem.get(field).asText()).as(what + " " + field).containsPattern("\\p{IsHan}");
                }
            }
            if (what.equals("405")) {
                assertThat(problem.get("detail").asText()).isEqualTo(language.equals("en") ? "Method 'DELETE' is not supported."
                        : "不支持请求方法“DELETE”。");
            }
        }
    }

    private JsonNode refuse(String user, HttpMethod method, String path, Map<String, Object> body, String language, int status)
            throws Exception {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.ACCEPT_LANGUAGE, language);
        if (body != null) {
            headers.setContentType(MediaType.APPLICATION_JSON);
        }
        Map<String, Object> sent = body;
        if (body != null && body.containsKey("clientScanId")) {
            // a new scan id for each language: the same id would be answered from the first scan's record
            sent = new java.util.HashMap<>(body);
            sent.put("clientScanId", body.get("clientScanId") + "-" + language);
        }
        ResponseEntity<String> answer = http.withBasicAuth(user, "demo").exchange(path, method, new HttpEntity<>(sent, headers),
                String.class);
        assertThat(answer.getStatusCode().value()).as(path + " " + answer.getBody()).isEqualTo(status);
        assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        return json.readTree(answer.getBody());
    }

    private static Arguments refusal(String feature, String user, HttpMethod method, String path, Map<String, Object> body,
                                     int status, String english, String chinese) {
        return Arguments.of(feature, user, method, path, body, status, english, chinese);
    }
}

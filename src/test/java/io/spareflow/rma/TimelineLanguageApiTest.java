package io.spareflow.rma;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.spareflow.SpareflowIntegrationTest;
import io.spareflow.board.Boards;
import io.spareflow.common.Languages;
import io.spareflow.common.ReaderTime;
import io.spareflow.customer.Customers;
import io.spareflow.customer.SiteInfo;
import io.spareflow.rma.internal.CaseDeadlines;
import io.spareflow.user.NewUser;
import io.spareflow.user.Role;
import io.spareflow.user.Users;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A timeline entry is kept as its message key and arguments and worded when read: whoever wrote it (a Chinese agent,
 * an English one, a job), an English reader reads it in English and a Chinese reader in Chinese, times in the
 * reader's own zone; an entry written before keys were kept is shown as stored. The tracking page words the customer's
 * steps (never these internal texts) in the browser's language.
 */
@SpareflowIntegrationTest
class TimelineLanguageApiTest {

    private static final String PASSWORD = "demo";

    private final TestRestTemplate rest;
    private final ObjectMapper json;
    private final JdbcTemplate jdbc;
    private final Users users;
    private final ReaderTime time;
    private final CaseDeadlines deadlines;
    private final RmaFixture fixture;
    private final SiteInfo site;

    TimelineLanguageApiTest(@Autowired TestRestTemplate rest, @Autowired ObjectMapper json, @Autowired JdbcTemplate jdbc,
                            @Autowired Boards boards, @Autowired Customers customers, @Autowired Users users,
                            @Autowired ReaderTime time, @Autowired CaseDeadlines deadlines) {
        this.rest = rest;
        this.json = json;
        this.jdbc = jdbc;
        this.users = users;
        this.time = time;
        this.deadlines = deadlines;
        this.fixture = new RmaFixture(jdbc, boards, customers);
        this.site = fixture.chengdu();
    }

    @Test
    void anEntryAChineseAgentWroteReadsInEnglishForAnEnglishReaderAndInChineseForAChineseOne() {
        String part = fixture.part();
        String faulty = fixture.installedAt(part, site);
        String writer = newAgent("CTU");
        String number = report(writer, "zh-CN", faulty);

        JsonNode english = entry(read(newAgent("LIM"), "en", number), "REPORTED");
        assertThat(english.get("text").asText()).isEqualTo("Fault reported by Hotline for board " + faulty + " (" + part
                + ") at site " + site.name() + ": 板卡告警 loss of frame");
        assertThat(english.get("textKey").asText()).isEqualTo("case.timeline.reported");
        JsonNode chinese = entry(read(newAgent("CTU"), "zh-CN", number), "REPORTED");
        assertThat(chinese.get("text").asText()).isEqualTo("经 热线 报告故障，板卡 " + faulty + "（" + part + "），站点 "
                + site.name() + "：板卡告警 loss of frame");
        assertThat(entry(read(writer, "en", number), "LINE_NAMED").get("text").asText())
                .isEqualTo("Line 1: faulty board " + faulty + " (" + part + ")");
    }

    @Test
    void aTimeInAnEntryIsShownInTheReadersZoneAndFormat() {
        String number = report("agent", "en", fixture.installedAt(fixture.part(), site));
        new RmaApiClient(rest, json).acceptNeedingASpare("agent", number);
        String lima = newAgent("LIM");
        JsonNode view = read(lima, "en", number);
        Instant due = Instant.parse(StreamSupport.stream(view.get("slaClocks").spliterator(), false)
                .filter(c -> c.get("step").asText().equals("REMOTE_DIAGNOSIS")).findFirst().orElseThrow().get("dueAt").asText());

        String inLima = time.format(due, ZoneId.of("America/Lima"), Languages.ENGLISH);
        assertThat(entry(view, "ACCEPTED").get("text").asText()).isEqualTo("Case accepted; remote diagnosis due by " + inLima);
        String inChengdu = time.format(due, ZoneId.of("Asia/Shanghai"), Languages.CHINESE);
        assertThat(entry(read(newAgent("CTU"), "zh-CN", number), "ACCEPTED").get("text").asText())
                .isEqualTo("工单已受理；远程诊断截止时间 " + inChengdu);
        assertThat(inLima).isNotEqualTo(inChengdu).contains("PET");
    }

    @Test
    void anEntryAJobWroteWithoutAnyReaderReadsInChineseForAChineseReader() {
        String number = report("agent", "en", fixture.installedAt(fixture.part(), site));
        // As the engine's job thread does: no request, no reader's language.
        LocaleContextHolder.resetLocaleContext();
        deadlines.limitMissed(number, SlaStep.ACCEPT, 1);

        assertThat(entry(read(newAgent("CTU"), "zh-CN", number), "BREACH").get("text").asText()).isEqualTo("受理案例时限已超");
        assertThat(entry(read(newAgent("CTU"), "en", number), "BREACH").get("text").asText()).isEqualTo("Accept the case limit missed");
    }

    @Test
    void anEntryWrittenBeforeKeysWereKeptIsShownAsStored() {
        String number = report("agent", "en", fixture.installedAt(fixture.part(), site));
        jdbc.update("""
                insert into case_timeline (case_id, at, kind, actor, text)
                select id, now(), 'ESCALATED', 'system', 'An entry of the last release' from rma_case where number = ?""", number);

        for (String language : List.of("zh-CN", "en")) {
            JsonNode old = entry(read(newAgent("CTU"), language, number), "ESCALATED");
            assertThat(old.get("text").asText()).as(language).isEqualTo("An entry of the last release");
            assertThat(old.has("textKey")).as(language).isFalse();
        }
    }

    @Test
    void theTrackingPageWordsTheCustomersStepsInTheBrowsersLanguage() {
        String number = report("agent", "zh-CN", fixture.installedAt(fixture.part(), site));
        String token = read("agent", "en", number).get("trackingToken").asText();

        String chinese = rest.exchange("/track/" + token, HttpMethod.GET, new HttpEntity<>(language("zh-CN")), String.class).getBody();
        assertThat(chinese).contains("故障已报告").doesNotContain("Fault reported");
        String english = rest.exchange("/track/" + token, HttpMethod.GET, new HttpEntity<>(language("en")), String.class).getBody();
        assertThat(english).contains("Fault reported").doesNotContain("故障已报告", "经 热线");
    }

    private String report(String user, String language, String serial) {
        HttpHeaders headers = language(language);
        ResponseEntity<String> reported = rest.withBasicAuth(user, PASSWORD).exchange("/api/cases", HttpMethod.POST,
                new HttpEntity<>(Map.of("customerCode", site.customerCode(), "siteId", site.id(), "faultySerial", serial,
                        "symptom", "板卡告警 loss of frame", "channel", "HOTLINE"), headers), String.class);
        assertThat(reported.getStatusCode()).as(reported.getBody()).isEqualTo(HttpStatus.CREATED);
        return readJson(reported.getBody()).get("number").asText();
    }

    private JsonNode read(String user, String language, String number) {
        ResponseEntity<String> got = rest.withBasicAuth(user, PASSWORD).exchange("/api/cases/" + number, HttpMethod.GET,
                new HttpEntity<>(language(language)), String.class);
        assertThat(got.getStatusCode()).as(got.getBody()).isEqualTo(HttpStatus.OK);
        return readJson(got.getBody());
    }

    private static JsonNode entry(JsonNode view, String kind) {
        List<JsonNode> found = new ArrayList<>();
        view.get("timeline").forEach(t -> {
            if (t.get("kind").asText().equals(kind)) {
                found.add(t);
            }
        });
        assertThat(found).as(kind).hasSize(1);
        return found.get(0);
    }

    private static HttpHeaders language(String language) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.ACCEPT_LANGUAGE, language);
        return headers;
    }

    private JsonNode readJson(String body) {
        try {
            return json.readTree(body);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** An agent of this test's own at {@code location}, without a stored language. */
    private String newAgent(String location) {
        String name = "tl-" + UUID.randomUUID().toString().substring(0, 8);
        users.create(new NewUser(name, PASSWORD, "Agent " + name, name + "@spareflow.local", Role.AGENT, location, null));
        return name;
    }
}

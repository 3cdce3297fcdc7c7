package io.spareflow.rma;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.spareflow.SpareflowIntegrationTest;
import io.spareflow.common.Languages;
import io.spareflow.common.ReaderTime;
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
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.i18n.LocaleContextHolder;
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
class TimelineLanguageApiTest extends RmaApiTestSupport {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Users users;
    @Autowired
    ReaderTime time;
    @Autowired
    CaseDeadlines deadlines;

    @Test
    void anEntryAChineseAgentWroteReadsInEnglishForAnEnglishReaderAndInChineseForAChineseOne() {
        SiteInfo site = fixture.chengdu();
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
        String number = report("agent", "en", newBoard());
        api.acceptNeedingASpare("agent", number);
        JsonNode view = read(newAgent("LIM"), "en", number);
        Instant due = Instant.parse(RmaApiClient.clock(view.get("slaClocks"), "REMOTE_DIAGNOSIS").get("dueAt").asText());

        String inLima = time.format(due, ZoneId.of("America/Lima"), Languages.ENGLISH);
        assertThat(entry(view, "ACCEPTED").get("text").asText()).isEqualTo("Case accepted; remote diagnosis due by " + inLima);
        String inChengdu = time.format(due, ZoneId.of("Asia/Shanghai"), Languages.CHINESE);
        assertThat(entry(read(newAgent("CTU"), "zh-CN", number), "ACCEPTED").get("text").asText())
                .isEqualTo("工单已受理；远程诊断截止时间 " + inChengdu);
        assertThat(inLima).isNotEqualTo(inChengdu).contains("PET");
    }

    @Test
    void anEntryAJobWroteWithoutAnyReaderReadsInChineseForAChineseReader() {
        String number = report("agent", "en", newBoard());
        // As the engine's job thread does: no request, no reader's language.
        LocaleContextHolder.resetLocaleContext();
        deadlines.limitMissed(number, SlaStep.ACCEPT, 1);

        assertThat(entry(read(newAgent("CTU"), "zh-CN", number), "BREACH").get("text").asText()).isEqualTo("受理案例时限已超");
        assertThat(entry(read(newAgent("CTU"), "en", number), "BREACH").get("text").asText()).isEqualTo("Accept the case limit missed");
    }

    @Test
    void anEntryWrittenBeforeKeysWereKeptIsShownAsStored() {
        String number = report("agent", "en", newBoard());
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
        String number = report("agent", "zh-CN", newBoard());
        String token = read("agent", "en", number).get("trackingToken").asText();

        String chinese = api.exchangeIn("agent", "zh-CN", HttpMethod.GET, "/track/" + token, null).getBody();
        assertThat(chinese).contains("故障已报告").doesNotContain("Fault reported");
        String english = api.exchangeIn("agent", "en", HttpMethod.GET, "/track/" + token, null).getBody();
        assertThat(english).contains("Fault reported").doesNotContain("故障已报告", "经 热线");
    }

    private String newBoard() {
        return fixture.installedAt(fixture.part(), fixture.chengdu());
    }

    private String report(String user, String language, String serial) {
        SiteInfo site = fixture.chengdu();
        ResponseEntity<String> reported = api.exchangeIn(user, language, HttpMethod.POST, "/api/cases", Map.of(
                "customerCode", site.customerCode(), "siteId", site.id(), "faultySerial", serial,
                "symptom", "板卡告警 loss of frame", "channel", "HOTLINE"));
        assertThat(reported.getStatusCode()).as(reported.getBody()).isEqualTo(HttpStatus.CREATED);
        return api.read(reported.getBody()).get("number").asText();
    }

    private JsonNode read(String user, String language, String number) {
        return api.readIn(user, language, "/api/cases/" + number);
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

    /** An agent of this test's own at {@code location}, without a stored language. */
    private String newAgent(String location) {
        String name = "tl-" + UUID.randomUUID().toString().substring(0, 8);
        users.create(new NewUser(name, "demo", "Agent " + name, name + "@spareflow.local", Role.AGENT, location, null));
        return name;
    }
}

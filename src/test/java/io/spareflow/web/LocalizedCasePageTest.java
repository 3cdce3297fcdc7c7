package io.spareflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.spareflow.SpareflowIntegrationTest;
import io.spareflow.board.Boards;
import io.spareflow.common.Languages;
import io.spareflow.customer.Customers;
import io.spareflow.customer.SiteInfo;
import io.spareflow.location.LocationInfo;
import io.spareflow.location.Locations;
import io.spareflow.rma.RmaApiClient;
import io.spareflow.rma.RmaFixture;
import io.spareflow.user.NewUser;
import io.spareflow.user.Role;
import io.spareflow.user.Users;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The case page names the case's state, its responsible location and its board's part in the reader's language:
 * Chinese names for a Chinese reader, English ones for an English reader, the codes the same for both; its timeline
 * entries too, whoever wrote them.
 */
@SpareflowIntegrationTest
class LocalizedCasePageTest {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    ObjectMapper json;
    @Autowired
    Users users;
    @Autowired
    Locations locations;
    @Autowired
    MessageSource messages;

    @Test
    void aChineseReaderReadsChineseStateLocationAndPartNamesAndAnEnglishReaderEnglishOnes(@Autowired JdbcTemplate jdbc,
                                                                                    @Autowired Boards boards,
                                                                                    @Autowired Customers customers) {
        RmaFixture fixture = new RmaFixture(jdbc, boards, customers);
        SiteInfo site = fixture.chengdu();
        String part = fixture.part();
        jdbc.update("update part set description_zh = '生命周期测试单板' where part_number = ?", part);
        String faulty = fixture.installedAt(part, site);
        RmaApiClient api = new RmaApiClient(rest, json);
        String number = api.report("agent", site.customerCode(), site.id(), faulty);
        JsonNode view = api.getCase(number);
        String stateKey = "pages.case-state." + view.get("state").asText();
        LocationInfo responsible = locations.require(view.get("responsibleLocation").asText());
        String chineseState = messages.getMessage(stateKey, null, Languages.CHINESE);
        String englishState = messages.getMessage(stateKey, null, Languages.ENGLISH);
        assertThat(chineseState).isNotEqualTo(englishState);
        assertThat(responsible.nameZh()).isNotBlank();

        String chinese = PageSession.signIn(rest, newAgent()).get("/cases/" + number, "zh-CN").getBody();
        assertThat(chinese).contains(">" + chineseState + "<", responsible.nameZh() + " (" + responsible.code() + ")",
                        part + " · 生命周期测试单板").doesNotContain(">" + englishState + "<");
        // The timeline entry the (English) report wrote, worded for the page's reader.
        assertThat(chinese).contains("经 热线 报告故障，板卡 " + faulty).doesNotContain("Fault reported by");

        String english = PageSession.signIn(rest, newAgent()).get("/cases/" + number, "en").getBody();
        assertThat(english).contains(">" + englishState + "<", responsible.name() + " (" + responsible.code() + ")",
                        part + " · Lifecycle test board").doesNotContain(chineseState, responsible.nameZh(), "生命周期测试单板")
                .contains("Fault reported by Hotline for board " + faulty);
    }

    /** A user of this test's own, without a stored language, so the browser's language decides. */
    private String newAgent() {
        String name = "lang-" + UUID.randomUUID().toString().substring(0, 8);
        users.create(new NewUser(name, "demo", "Agent " + name, name + "@spareflow.local", Role.AGENT, "HQ", null));
        return name;
    }
}

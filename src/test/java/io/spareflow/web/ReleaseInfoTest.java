package io.spareflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.spareflow.SpareflowIntegrationTest;
import io.spareflow.customer.SiteInfo;
import io.spareflow.rma.RmaApiTestSupport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.web.util.HtmlUtils;

/** The release as operators see it: the application's version and the process versions, with running instances for ADMIN. */
@SpareflowIntegrationTest
class ReleaseInfoTest extends RmaApiTestSupport {

    private static final String RMA_CASE = "rma-case";

    @Autowired
    TestRestTemplate rest;
    @Autowired
    ObjectMapper json;

    @Test
    void actuatorInfoReportsTheBuiltVersionAndANewCaseCountsOnTheDeployedProcessVersion() throws IOException {
        JsonNode before = info(rest.withBasicAuth("admin", "demo"));
        assertThat(before.path("build").path("version").asText()).isEqualTo(projectVersion());
        JsonNode rmaCase = before.path("processes").path(RMA_CASE);
        int deployed = rmaCase.path("deployedVersion").asInt();
        assertThat(deployed).isPositive();
        assertThat(before.path("processes").fieldNames()).toIterable().contains("spare-dispatch", "board-repair");
        long running = rmaCase.path("runningInstancesByVersion").path(String.valueOf(deployed)).asLong(0);

        SiteInfo site = fixture.chengdu();
        api.report("agent", site.customerCode(), site.id(), fixture.installedAt(fixture.part(), site));

        JsonNode after = info(rest.withBasicAuth("admin", "demo")).path("processes").path(RMA_CASE);
        assertThat(after.path("deployedVersion").asInt()).isEqualTo(deployed);
        assertThat(after.path("runningInstancesByVersion").path(String.valueOf(deployed)).asLong()).isEqualTo(running + 1);
    }

    @Test
    void onlyAnAdminSeesHowManyInstancesRun() throws IOException {
        for (TestRestTemplate caller : new TestRestTemplate[] {rest, rest.withBasicAuth("supervisor", "demo")}) {
            JsonNode rmaCase = info(caller).path("processes").path(RMA_CASE);
            assertThat(rmaCase.path("deployedVersion").asInt()).isPositive();
            assertThat(rmaCase.has("runningInstancesByVersion")).isFalse();
        }
        assertThat(info(rest.withBasicAuth("admin", "demo")).path("processes").path(RMA_CASE).has("runningInstancesByVersion"))
                .isTrue();
    }

    @Test
    void theAdminPageShowsTheVersionAndEachProcessWithItsDeployedVersion() throws IOException {
        int deployed = info(rest).path("processes").path(RMA_CASE).path("deployedVersion").asInt();

        String page = HtmlUtils.htmlUnescape(PageSession.signIn(rest, "admin").get("/admin").getBody());

        assertThat(page).contains("Spareflow " + projectVersion() + ", built ");
        assertThat(page).containsPattern("\\(<code>" + RMA_CASE + "</code>\\)</td><td>" + deployed + "</td>");
        assertThat(page).contains("(<code>board-repair</code>)", "(<code>spare-dispatch</code>)");
    }

    private JsonNode info(TestRestTemplate caller) throws IOException {
        return json.readTree(caller.getForObject("/actuator/info", String.class));
    }

    /** The version in pom.xml, read independently of the build-info the service reports. */
    private static String projectVersion() throws IOException {
        Matcher version = Pattern.compile("<artifactId>spareflow</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(Files.readString(Path.of("pom.xml")));
        assertThat(version.find()).isTrue();
        return version.group(1);
    }
}

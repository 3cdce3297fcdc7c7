package io.spareflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.spareflow.SpareflowIntegrationTest;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.util.HtmlUtils;

/** The customer and stock-target administration pages, and the audit of a CSV import. */
@SpareflowIntegrationTest
class MasterDataPageTest {

    @Autowired
    TestRestTemplate rest;

    private final String run = UUID.randomUUID().toString().substring(0, 6).toUpperCase();

    @Test
    void anAdminSetsUpACustomerOnThePages() {
        PageSession admin = PageSession.signIn(rest, "admin");
        String code = "P" + run;
        assertThat(admin.postForm("/admin/customers", form("code", code, "name", "Page Telecom", "country", "KE"),
                MediaType.APPLICATION_FORM_URLENCODED).getHeaders().getLocation().getPath()).isEqualTo("/admin/customers/" + code);
        assertThat(admin.get("/admin/customers/" + code).getBody()).contains("Customer " + code + " created");
        admin.postForm("/admin/customers/" + code + "/sites", form("name", "Nairobi core", "city", "Nairobi", "country", "KE",
                "latitude", "-1.2921", "longitude", "36.8219", "timeZone", "Africa/Nairobi"), MediaType.APPLICATION_FORM_URLENCODED);
        admin.get("/admin/customers/" + code);
        admin.postForm("/admin/customers/" + code + "/contacts", form("name", "NOC", "email", "noc@" + code.toLowerCase() + ".example",
                "locale", "en"), MediaType.APPLICATION_FORM_URLENCODED);
        admin.get("/admin/customers/" + code);
        admin.postForm("/admin/customers/" + code + "/contracts", form("contractNumber", code + "-1", "tier", "SILVER",
                "validFrom", "2020-01-01", "validTo", "2099-12-31"), MediaType.APPLICATION_FORM_URLENCODED);
        assertThat(admin.get("/admin/customers/" + code).getBody()).contains("Contract " + code + "-1 saved with tier SILVER");
        admin.postForm("/admin/customers/" + code + "/sites", form("name", "Bad", "city", "Nairobi", "country", "KE",
                "latitude", "north", "longitude", "36.8", "timeZone", "Africa/Nairobi"), MediaType.APPLICATION_FORM_URLENCODED);

        String page = HtmlUtils.htmlUnescape(admin.get("/admin/customers/" + code).getBody());
        assertThat(page).contains("latitude must be a number (was 'north')").contains("Nairobi core").contains("Africa/Nairobi")
                .contains("noc@" + code.toLowerCase() + ".example").contains("Contract in force: " + code + "-1, tier SILVER")
                .contains("open cases keep the due times");
        JsonNode customer = rest.withBasicAuth("admin", "demo").getForObject("/api/customers/" + code, JsonNode.class);
        assertThat(customer.get("tier").asText()).isEqualTo("SILVER");
        assertThat(customer.get("sites")).hasSize(1);
        assertThat(admin.get("/admin").getBody()).contains("href=\"/admin/customers\"").contains("href=\"/admin/stock-targets\"");
    }

    @Test
    void aStockTargetSetOnThePageIsListedByTheApiAndAudited() {
        PageSession admin = PageSession.signIn(rest, "admin");
        String saved = admin.postForm("/admin/stock-targets", form("depot", "NBO", "part", "130103811", "target", "7"),
                MediaType.APPLICATION_FORM_URLENCODED).getHeaders().getLocation().toString();
        assertThat(HtmlUtils.htmlUnescape(admin.get(saved).getBody())).contains("Stock target of 130103811 at NBO set to 7");
        JsonNode targets = rest.withBasicAuth("supervisor", "demo").getForObject("/api/repairs/stock-targets?depot=NBO&part=130103811", JsonNode.class);
        assertThat(targets).hasSize(1);
        assertThat(targets.get(0).get("target").asInt()).isEqualTo(7);
        JsonNode audit = rest.withBasicAuth("admin", "demo").getForObject("/api/audit?entity=STOCK_TARGET&id=NBO/130103811", JsonNode.class);
        assertThat(audit.get(0).at("/after/target").asInt()).isEqualTo(7);
        String refused = admin.postForm("/admin/stock-targets", form("depot", "RC-SZX", "part", "130103811", "target", "2"),
                MediaType.APPLICATION_FORM_URLENCODED).getHeaders().getLocation().toString();
        assertThat(HtmlUtils.htmlUnescape(admin.get(refused).getBody())).contains("not a depot");
        assertThat(rest.withBasicAuth("admin", "demo").getForEntity("/api/repairs/stock-targets?depot=NOWHERE", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void aCsvImportIsAuditedAsOneEntryWithItsLineReport() {
        PageSession admin = PageSession.signIn(rest, "admin");
        String file = "locations-" + run + ".csv";
        MultiValueMap<String, Object> upload = new LinkedMultiValueMap<>();
        upload.add("file", new ByteArrayResource(("code,name,type,city,country,latitude,longitude,time_zone,business_hours,handling_minutes\n"
                + "X,Too short,REPAIR_CENTER,Adamstown,PN,-25,-130,Pacific/Pitcairn,MON-FRI 08:00-16:00,30\n").getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return file;
            }
        });
        admin.postForm("/admin/import/locations", upload, MediaType.MULTIPART_FORM_DATA);
        JsonNode audit = rest.withBasicAuth("admin", "demo").getForObject("/api/audit?entity=LOCATION&id=" + file, JsonNode.class);
        assertThat(audit).hasSize(1);
        assertThat(audit.get(0).get("action").asText()).isEqualTo("IMPORT");
        assertThat(audit.get(0).at("/after/imported").asInt()).isZero();
        assertThat(audit.get(0).at("/after/rejected/0").asText()).startsWith("line 2:");
    }

    private static MultiValueMap<String, Object> form(String... pairs) {
        MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            form.add(pairs[i], pairs[i + 1]);
        }
        return form;
    }
}

package io.spareflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.spareflow.SpareflowIntegrationTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.util.HtmlUtils;

/** Existing sites and contacts are edited on the customer's page; a refused edit changes nothing. */
@SpareflowIntegrationTest
class MasterDataEditPageTest {

    @Autowired
    TestRestTemplate rest;

    @Test
    void anAdminEditsASiteAndAContactOnTheCustomersPage() {
        PageSession admin = PageSession.signIn(rest, "admin");
        String code = "E" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        admin.postForm("/admin/customers", form("code", code, "name", "Edit Telecom", "country", "KE"), MediaType.APPLICATION_FORM_URLENCODED);
        admin.get("/admin/customers/" + code);
        admin.postForm("/admin/customers/" + code + "/sites", form("name", "Nairobi core", "city", "Nairobi", "country", "KE",
                "latitude", "-1.2921", "longitude", "36.8219", "timeZone", "Africa/Nairobi"), MediaType.APPLICATION_FORM_URLENCODED);
        admin.get("/admin/customers/" + code);
        admin.postForm("/admin/customers/" + code + "/contacts", form("name", "NOC", "email", "noc@" + code.toLowerCase() + ".example",
                "locale", "en"), MediaType.APPLICATION_FORM_URLENCODED);
        admin.get("/admin/customers/" + code);
        JsonNode before = customer(code);
        long site = before.at("/sites/0/id").asLong();
        long contact = before.at("/contacts/0/id").asLong();
        assertThat(admin.get("/admin/customers/" + code).getBody()).contains("edit-site-" + site).contains("edit-contact-" + contact);

        admin.postForm("/admin/customers/" + code + "/sites/" + site, form("name", "Mombasa core", "city", "Mombasa", "country", "KE",
                "latitude", "-4.0435", "longitude", "39.6682", "timeZone", "Africa/Nairobi"), MediaType.APPLICATION_FORM_URLENCODED);
        assertThat(HtmlUtils.htmlUnescape(admin.get("/admin/customers/" + code).getBody())).contains("Site Mombasa core saved");
        admin.postForm("/admin/customers/" + code + "/contacts/" + contact, form("name", "NOC Mombasa",
                "email", "mombasa@" + code.toLowerCase() + ".example", "locale", "zh-CN"), MediaType.APPLICATION_FORM_URLENCODED);
        assertThat(HtmlUtils.htmlUnescape(admin.get("/admin/customers/" + code).getBody()))
                .contains("Contact mombasa@" + code.toLowerCase() + ".example saved");

        admin.postForm("/admin/customers/" + code + "/sites/" + site, form("name", "Bad", "city", "Mombasa", "country", "KE",
                "latitude", "north", "longitude", "39.6", "timeZone", "Africa/Nairobi"), MediaType.APPLICATION_FORM_URLENCODED);
        assertThat(HtmlUtils.htmlUnescape(admin.get("/admin/customers/" + code).getBody())).contains("latitude must be a number (was 'north')");

        JsonNode after = customer(code);
        assertThat(after.get("sites")).hasSize(1);
        assertThat(after.at("/sites/0/name").asText()).isEqualTo("Mombasa core");
        assertThat(after.at("/sites/0/latitude").asDouble()).isEqualTo(-4.0435);
        assertThat(after.get("contacts")).hasSize(1);
        assertThat(after.at("/contacts/0/email").asText()).isEqualTo("mombasa@" + code.toLowerCase() + ".example");
        assertThat(after.at("/contacts/0/locale").asText()).isEqualTo("zh-CN");
        JsonNode audit = rest.withBasicAuth("admin", "demo").getForObject("/api/audit?entity=SITE&id=" + site, JsonNode.class);
        assertThat(audit).extracting(e -> e.get("action").asText()).contains("UPDATE");
    }

    private JsonNode customer(String code) {
        return rest.withBasicAuth("admin", "demo").getForObject("/api/customers/" + code, JsonNode.class);
    }

    private static MultiValueMap<String, Object> form(String... pairs) {
        MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            form.add(pairs[i], pairs[i + 1]);
        }
        return form;
    }
}

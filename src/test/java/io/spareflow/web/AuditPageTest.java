package io.spareflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.spareflow.SpareflowIntegrationTest;
import io.spareflow.tier.ServiceTier;
import io.spareflow.tier.ServiceTiers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.util.HtmlUtils;

/** The audit page lists a change made through the administration page, with who and from where. */
@SpareflowIntegrationTest
class AuditPageTest {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    ServiceTiers tiers;

    @Test
    void aTierEditedOnTheAdminPageAppearsOnTheAuditPage() {
        ServiceTier before = tiers.require("BRONZE");
        PageSession admin = PageSession.signIn(rest, "admin");
        MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("description", "Audited " + System.nanoTime());
        form.add("calendar", before.calendar().name());
        form.add("acceptMinutes", String.valueOf(before.acceptMinutes()));
        form.add("remoteDiagnosisMinutes", String.valueOf(before.remoteDiagnosisMinutes()));
        form.add("defectiveReturnDays", String.valueOf(before.defectiveReturnDays()));
        form.add("defectiveReturnReminderDays", String.valueOf(before.defectiveReturnReminderDays()));
        form.add("overdueChargeDays", String.valueOf(before.overdueChargeDays()));
        try {
            assertThat(admin.postForm("/admin/tiers/BRONZE", form, MediaType.APPLICATION_FORM_URLENCODED).getStatusCode())
                    .isEqualTo(HttpStatus.FOUND);
            assertThat(admin.get("/admin").getBody()).contains("href=\"/admin/audit\"");

            ResponseEntity<String> page = admin.get("/admin/audit?entity=SERVICE_TIER&id=BRONZE");
            assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
            String html = HtmlUtils.htmlUnescape(page.getBody());
            assertThat(html).contains("Audit trail").contains(form.getFirst("description").toString())
                    .contains(before.description()).contains("127.0.0.1").contains(">admin<");
        } finally {
            tiers.update("BRONZE", before);
        }
        assertThat(rest.withBasicAuth("agent", "demo").getForEntity("/admin/audit", String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
    }
}

package io.spareflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.spareflow.SpareflowIntegrationTest;
import io.spareflow.part.ProductLine;
import io.spareflow.training.CertificationLevel;
import io.spareflow.training.Certifications;
import io.spareflow.user.NewUser;
import io.spareflow.user.Role;
import io.spareflow.user.Users;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.util.HtmlUtils;

/** The training certification page: the expiring list, one person's certifications, recording and revoking. */
@SpareflowIntegrationTest
class CertificationPageTest {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    Users users;
    @Autowired
    Certifications certifications;

    @Test
    void anAdminRecordsAndRevokesACertificationOnThePage() {
        String technician = "page-cert-" + UUID.randomUUID().toString().substring(0, 6);
        users.create(new NewUser(technician, "demo", "Page certification test", technician + "@spareflow.local",
                Role.TECHNICIAN, "RC-NKG", "supervisor"));
        LocalDate today = certifications.today();
        PageSession admin = PageSession.signIn(rest, "admin");

        String start = HtmlUtils.htmlUnescape(admin.get("/admin/certifications").getBody());
        assertThat(start).contains("Expiring within 30 days").contains("tech-RC-DXB");
        assertThat(admin.get("/admin").getBody()).contains("href=\"/admin/certifications\"");

        admin.postForm("/admin/certifications/" + technician, form("productLine", "DATA", "level", "L2",
                "issuedBy", "ZTE University, Nanjing", "validFrom", today.toString(), "validUntil", "someday"),
                MediaType.APPLICATION_FORM_URLENCODED);
        assertThat(HtmlUtils.htmlUnescape(admin.get("/admin/certifications?user=" + technician).getBody()))
                .contains("validUntil: 'someday' is not a date");
        assertThat(certifications.of(technician)).isEmpty();

        admin.postForm("/admin/certifications/" + technician, form("productLine", "DATA", "level", "L2",
                "issuedBy", "ZTE University, Nanjing", "validFrom", today.toString(), "validUntil", today.plusDays(10).toString()),
                MediaType.APPLICATION_FORM_URLENCODED);
        String recorded = HtmlUtils.htmlUnescape(admin.get("/admin/certifications?user=" + technician).getBody());
        assertThat(recorded).contains("Recorded: L2 DATA for " + technician + ", valid until " + today.plusDays(10))
                .contains("ZTE University, Nanjing");
        assertThat(certifications.validLines(technician, CertificationLevel.L2)).containsExactly(ProductLine.DATA);
        assertThat(HtmlUtils.htmlUnescape(admin.get("/admin/certifications").getBody()))
                .as("ends within 30 days").contains(technician);

        long id = certifications.of(technician).get(0).id();
        admin.postForm("/admin/certifications/" + technician + "/" + id + "/revoke", form(), MediaType.APPLICATION_FORM_URLENCODED);
        assertThat(HtmlUtils.htmlUnescape(admin.get("/admin/certifications?user=" + technician).getBody()))
                .contains("Certification " + id + " of " + technician + " revoked");
        assertThat(certifications.of(technician)).isEmpty();

        PageSession quality = PageSession.signIn(rest, "quality");
        assertThat(quality.get("/admin/certifications").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    private static MultiValueMap<String, Object> form(String... pairs) {
        MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            form.add(pairs[i], pairs[i + 1]);
        }
        return form;
    }
}

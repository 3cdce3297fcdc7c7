package io.spareflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.spareflow.SpareflowIntegrationTest;
import io.spareflow.location.LocationInfo;
import io.spareflow.location.LocationType;
import io.spareflow.tier.ServiceTier;
import io.spareflow.tier.ServiceTiers;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.util.HtmlUtils;

/** The administration page's forms: the CSV import of locations and the edit form of a service tier. */
@SpareflowIntegrationTest
class AdminPageTest {

    /** Unique per run; "T" and five digits leave room for a one-letter suffix within the 16 characters of a code. */
    private final String run = "T" + String.format("%05d", new Random().nextInt(100_000));

    @Autowired
    TestRestTemplate rest;
    @Autowired
    ServiceTiers tiers;

    @Test
    void aLocationFileImportsItsGoodRowsAndReportsEachBadRowByLineWithTheReason() {
        // Repair centers and HQs hold no stock, so these test locations never win another test's sourcing.
        String csv = String.join("\n",
                "code,name,type,city,country,latitude,longitude,time_zone,business_hours,handling_minutes",
                run + "A,Test repair center,REPAIR_CENTER,Adamstown,PN,-25.0660,-130.1015,Pacific/Pitcairn,MON-FRI 08:00-16:00,30",
                code("b") + ",\"Test HQ, annex\",hq,Adamstown,PN,-25.07,-130.10,Pacific/Pitcairn,mon-sun 00:00-24:00,0",
                "X,Too short,REPAIR_CENTER,Adamstown,PN,-25,-130,Pacific/Pitcairn,MON-FRI 08:00-16:00,30",
                "CTU,Taken,REPAIR_CENTER,Adamstown,PN,-25,-130,Pacific/Pitcairn,MON-FRI 08:00-16:00,30",
                run + "A,Twice,REPAIR_CENTER,Adamstown,PN,-25,-130,Pacific/Pitcairn,MON-FRI 08:00-16:00,30",
                code("C") + ",Bad type,WAREHOUSE,Adamstown,PN,-25,-130,Pacific/Pitcairn,MON-FRI 08:00-16:00,30",
                code("D") + ",Bad country,REPAIR_CENTER,Adamstown,pn,-25,-130,Pacific/Pitcairn,MON-FRI 08:00-16:00,30",
                code("E") + ",Bad latitude,REPAIR_CENTER,Adamstown,PN,-90.5,-130,Pacific/Pitcairn,MON-FRI 08:00-16:00,30",
                code("F") + ",Bad longitude,REPAIR_CENTER,Adamstown,PN,-25,180.5,Pacific/Pitcairn,MON-FRI 08:00-16:00,30",
                code("G") + ",Offset zone,REPAIR_CENTER,Adamstown,PN,-25,-130,+08:00,MON-FRI 08:00-16:00,30",
                code("H") + ",Bad hours,REPAIR_CENTER,Adamstown,PN,-25,-130,Pacific/Pitcairn,weekdays,30",
                code("J") + ",Negative handling,REPAIR_CENTER,Adamstown,PN,-25,-130,Pacific/Pitcairn,MON-FRI 08:00-16:00,-5");
        PageSession admin = PageSession.signIn(rest, "admin");

        ResponseEntity<String> posted = admin.postForm("/admin/import/locations", upload(csv), MediaType.MULTIPART_FORM_DATA);

        assertThat(posted.getStatusCode()).isEqualTo(HttpStatus.FOUND);
        String page = HtmlUtils.htmlUnescape(admin.get("/admin").getBody());
        assertThat(page).contains("2 location(s) imported, 10 row(s) rejected");
        List<String> rejected = List.of(
                "line 4: code 'X' is not 2 to 16 of A-Z, 0-9 and '-'",
                "line 5: location CTU exists already",
                "line 6: code " + run + "A appears twice in the file",
                "line 7: type 'WAREHOUSE' is not a location type",
                "line 8: country 'pn' is not two upper-case letters",
                "line 9: latitude '-90.5' is not a number from -90 to 90",
                "line 10: longitude '180.5' is not a number from -180 to 180",
                "line 11: time_zone '+08:00' is not an IANA time zone",
                "line 12: business_hours: business hours 'weekdays' are not of the form",
                "line 13: handling_minutes '-5' is not a whole number of minutes, 0 or more");
        rejected.forEach(reason -> assertThat(page).contains(reason));

        LocationInfo repairCenter = api("/api/locations/" + run + "A");
        assertThat(repairCenter.type()).isEqualTo(LocationType.REPAIR_CENTER);
        assertThat(repairCenter.timeZone()).isEqualTo("Pacific/Pitcairn");
        assertThat(repairCenter.latitude()).isEqualTo(-25.0660);
        LocationInfo hq = api("/api/locations/" + code("B"));
        assertThat(hq.name()).isEqualTo("Test HQ, annex");
        assertThat(hq.type()).isEqualTo(LocationType.HQ);
        assertThat(hq.businessHours()).isEqualTo("MON-SUN 00:00-24:00");
        assertThat(hq.handlingMinutes()).isZero();
        for (String refused : List.of("C", "D", "E", "F", "G", "H", "J")) {
            assertThat(rest.withBasicAuth("admin", "demo").getForEntity("/api/locations/" + code(refused), String.class)
                    .getStatusCode()).as(refused).isEqualTo(HttpStatus.NOT_FOUND);
        }
        assertThat(api("/api/locations/CTU").name()).isNotEqualTo("Taken");
    }

    @Test
    void aLocationFileMayGiveADomesticLocationsChineseNameAndCity() {
        String csv = String.join("\n",
                "code,name,type,city,country,latitude,longitude,time_zone,business_hours,handling_minutes,name_zh,city_zh",
                code("K") + ",Test Kashgar annex,REPAIR_CENTER,Kashgar,CN,39.47,75.99,Asia/Urumqi,MON-FRI 09:00-18:00,30,喀什测试维修点,喀什",
                code("L") + ",Test Pitcairn annex,REPAIR_CENTER,Adamstown,PN,-25.07,-130.10,Pacific/Pitcairn,MON-FRI 08:00-16:00,30,,",
                code("M") + ",Test long name,REPAIR_CENTER,Kashgar,CN,39.47,75.99,Asia/Urumqi,MON-FRI 09:00-18:00,30,"
                        + "喀".repeat(121) + ",喀什");
        PageSession admin = PageSession.signIn(rest, "admin");

        admin.postForm("/admin/import/locations", upload(csv), MediaType.MULTIPART_FORM_DATA);

        assertThat(HtmlUtils.htmlUnescape(admin.get("/admin").getBody())).contains("line 4: name_zh must be 1 to 120 characters");
        LocationInfo domestic = api("/api/locations/" + code("K"));
        assertThat(domestic.localName().in(Locale.SIMPLIFIED_CHINESE)).isEqualTo("喀什测试维修点");
        assertThat(domestic.localCity().in(Locale.SIMPLIFIED_CHINESE)).isEqualTo("喀什");
        assertThat(domestic.localName().in(Locale.ENGLISH)).isEqualTo("Test Kashgar annex");
        LocationInfo overseas = api("/api/locations/" + code("L"));
        assertThat(overseas.nameZh()).isNull();
        assertThat(overseas.localName().in(Locale.SIMPLIFIED_CHINESE)).as("no Chinese name: the English one").isEqualTo("Test Pitcairn annex");
    }

    @Test
    void anAdminChangesATiersAcceptLimitOnThePage() {
        ServiceTier gold = tiers.require("GOLD");
        try {
            ResponseEntity<String> saved = PageSession.signIn(rest, "admin")
                    .postForm("/admin/tiers/GOLD", form(gold, gold.acceptMinutes() + 7), MediaType.APPLICATION_FORM_URLENCODED);

            assertThat(saved.getStatusCode()).isEqualTo(HttpStatus.FOUND);
            ServiceTier stored = tiers.require("GOLD");
            assertThat(stored.acceptMinutes()).isEqualTo(gold.acceptMinutes() + 7);
            assertThat(stored).usingRecursiveComparison().ignoringFields("acceptMinutes").isEqualTo(gold);
        } finally {
            tiers.update("GOLD", gold);
        }
    }

    @Test
    void anInvalidTierFormIsShownWithTheReasonsAndChangesNothing() {
        ServiceTier gold = tiers.require("GOLD");
        try {
            MultiValueMap<String, Object> form = form(gold, 0);
            form.set("defectiveReturnReminderDays", String.valueOf(gold.defectiveReturnDays()));
            ResponseEntity<String> refused = PageSession.signIn(rest, "admin")
                    .postForm("/admin/tiers/GOLD", form, MediaType.APPLICATION_FORM_URLENCODED);

            assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(HtmlUtils.htmlUnescape(refused.getBody()))
                    .contains("id=\"tier-GOLD-errors\"")
                    .contains("form=\"tier-GOLD\" name=\"acceptMinutes\" value=\"0\"")
                    .contains("acceptMinutes must be greater than or equal to 1")
                    .contains("the reminder must come before the due day");
            assertThat(tiers.require("GOLD")).isEqualTo(gold);

            form = form(gold, gold.acceptMinutes());
            form.set("remoteDiagnosisMinutes", "soon");
            ResponseEntity<String> unreadable = PageSession.signIn(rest, "admin")
                    .postForm("/admin/tiers/GOLD", form, MediaType.APPLICATION_FORM_URLENCODED);
            assertThat(unreadable.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(HtmlUtils.htmlUnescape(unreadable.getBody()))
                    .contains("remoteDiagnosisMinutes must be a whole number (was 'soon')");
            assertThat(tiers.require("GOLD")).isEqualTo(gold);
        } finally {
            tiers.update("GOLD", gold);
        }
    }

    @Test
    void onlyAnAdminMayChangeATier() {
        ServiceTier gold = tiers.require("GOLD");
        try {
            ResponseEntity<String> refused = PageSession.signIn(rest, "supervisor")
                    .postForm("/admin/tiers/GOLD", form(gold, gold.acceptMinutes() + 3), MediaType.APPLICATION_FORM_URLENCODED);

            assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(tiers.require("GOLD")).isEqualTo(gold);
        } finally {
            tiers.update("GOLD", gold);
        }
    }

    private String code(String suffix) {
        return run + suffix;
    }

    private LocationInfo api(String path) {
        ResponseEntity<LocationInfo> found = rest.withBasicAuth("admin", "demo").getForEntity(path, LocationInfo.class);
        assertThat(found.getStatusCode()).as(path).isEqualTo(HttpStatus.OK);
        return found.getBody();
    }

    private static MultiValueMap<String, Object> form(ServiceTier tier, int acceptMinutes) {
        MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("description", tier.description());
        form.add("calendar", tier.calendar().name());
        form.add("acceptMinutes", String.valueOf(acceptMinutes));
        form.add("remoteDiagnosisMinutes", String.valueOf(tier.remoteDiagnosisMinutes()));
        if (tier.advanceExchange()) {
            form.add("advanceExchange", "on");
            form.add("spareOnSiteMinutes", String.valueOf(tier.spareOnSiteMinutes()));
        }
        form.add("defectiveReturnDays", String.valueOf(tier.defectiveReturnDays()));
        form.add("defectiveReturnReminderDays", String.valueOf(tier.defectiveReturnReminderDays()));
        form.add("overdueChargeDays", String.valueOf(tier.overdueChargeDays()));
        return form;
    }

    private static MultiValueMap<String, Object> upload(String csv) {
        MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("file", new ByteArrayResource(csv.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return "locations.csv";
            }
        });
        return form;
    }
}

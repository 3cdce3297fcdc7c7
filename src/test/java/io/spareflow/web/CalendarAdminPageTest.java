package io.spareflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.spareflow.SpareflowIntegrationTest;
import io.spareflow.calendar.WorkingCalendars;
import io.spareflow.common.CalendarDay;
import java.time.LocalDate;
import java.time.Year;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.util.HtmlUtils;

/** The working-calendar page of the administration: missing years flagged, a year edited as lines, refusals shown. */
@SpareflowIntegrationTest
class CalendarAdminPageTest {

    @Autowired
    TestRestTemplate rest;

    @Autowired
    WorkingCalendars calendars;

    @Test
    void theAdminPageLinksToCalendarsWhichFlagAYearNotLoaded() {
        PageSession admin = PageSession.signIn(rest, "admin");
        assertThat(admin.get("/admin").getBody()).contains("href=\"/admin/calendars\"");

        ResponseEntity<String> page = admin.get("/admin/calendars");

        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        String html = HtmlUtils.htmlUnescape(page.getBody());
        int nextYear = Year.now(ZoneOffset.UTC).getValue() + 1;
        assertThat(row(html, "NP")).contains("calendar for " + nextYear + " not loaded").contains("KTM");
        // China's 2027 holds the statutory holidays only until the State Council's notice with its 调休 is loaded.
        assertThat(row(html, "CN")).contains("calendar for 2027 provisional").contains("CTU");
        assertThat(html).contains("countries have a provisional year");
        assertThat(html).contains("Cases already open keep their due dates");
    }

    private static String row(String html, String country) {
        int start = html.indexOf("id=\"country-" + country + "\"");
        return html.substring(start, html.indexOf("</tr>", start));
    }

    @Test
    void aProvisionalYearSaysSoWhenShown() {
        PageSession admin = PageSession.signIn(rest, "admin");
        String shown = HtmlUtils.htmlUnescape(admin.get("/admin/calendars?country=CN&year=2027").getBody());

        assertThat(shown).contains("id=\"provisional-year\"").contains("2027-02-05,CLOSED,,,春节");
    }

    @Test
    void aYearIsShownAsLinesAndSavedWithTheChangeListed() {
        PageSession admin = PageSession.signIn(rest, "admin");
        String shown = HtmlUtils.htmlUnescape(admin.get("/admin/calendars?country=CN&year=2026").getBody());
        assertThat(shown).contains("2026-02-14,WORKING_DAY,,,").contains("2026-02-16,CLOSED,,,春节").contains("国务院办公厅");

        MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("country", "NZ");
        form.add("year", "2034");
        form.add("location", "AKL");
        form.add("source", "Auckland Anniversary Day (test)");
        form.add("days", "2034-01-30,CLOSED,,,Auckland Anniversary Day\n2034-12-24,REDUCED_HOURS,08:00,12:00,Christmas Eve");
        ResponseEntity<String> saved = admin.postForm("/admin/calendars", form, MediaType.APPLICATION_FORM_URLENCODED);

        assertThat(saved.getStatusCode()).isEqualTo(HttpStatus.FOUND);
        assertThat(calendars.year("NZ", 2034, "AKL").days()).extracting(CalendarDay::date)
                .containsExactly(LocalDate.of(2034, 1, 30), LocalDate.of(2034, 12, 24));
        String after = HtmlUtils.htmlUnescape(admin.get(saved.getHeaders().getLocation().getPath() + "?"
                + saved.getHeaders().getLocation().getQuery()).getBody());
        assertThat(after).contains("saved with 2 day(s)").contains("id=\"changes\"").contains("Auckland Anniversary Day (test)");
    }

    @Test
    void aBadLineIsRefusedWithItsNumberAndNothingIsStored() {
        PageSession admin = PageSession.signIn(rest, "admin");
        MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("country", "NZ");
        form.add("year", "2035");
        form.add("source", "test");
        form.add("days", "2035-01-01,CLOSED,,,New Year\n2035-13-01,CLOSED,,,No such month");

        ResponseEntity<String> refused = admin.postForm("/admin/calendars", form, MediaType.APPLICATION_FORM_URLENCODED);

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(HtmlUtils.htmlUnescape(refused.getBody())).contains("Line 2:").contains("2035-13-01,CLOSED,,,No such month");
        assertThat(calendars.year("NZ", 2035, null).loaded()).isFalse();
    }

    @Test
    void onlyAdminsSeeThePage() {
        assertThat(PageSession.signIn(rest, "agent").get("/admin/calendars").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }
}

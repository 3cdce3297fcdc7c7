package io.spareflow.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spareflow.SpareflowIntegrationTest;
import io.spareflow.common.CalendarDay;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

@SpareflowIntegrationTest
class WorkingCalendarsApiTest {

    @Autowired
    TestRestTemplate rest;

    @Autowired
    WorkingCalendars calendars;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void chinaIsSeededFromTheStateCouncilsScheduleWithItsSwappedWorkingDays() {
        ResponseEntity<Map> response = rest.withBasicAuth("agent", "demo").getForEntity("/api/calendars/cn?year=2026", Map.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        Map<String, Object> body = response.getBody();
        assertThat(body.get("country")).isEqualTo("CN");
        assertThat(body.get("loaded")).isEqualTo(true);
        assertThat((String) body.get("source")).contains("国务院办公厅关于2026年部分节假日安排的通知");
        List<Map<String, Object>> days = (List<Map<String, Object>>) body.get("days");
        Map<String, Object> kinds = days.stream().collect(java.util.stream.Collectors.toMap(d -> (String) d.get("date"), d -> d.get("kind")));
        assertThat(kinds).containsEntry("2026-02-14", "WORKING_DAY").containsEntry("2026-02-28", "WORKING_DAY")
                .containsEntry("2026-01-04", "WORKING_DAY").containsEntry("2026-09-20", "WORKING_DAY")
                .containsEntry("2026-10-10", "WORKING_DAY").containsEntry("2026-05-09", "WORKING_DAY");
        for (int day = 15; day <= 23; day++) {
            assertThat(kinds).containsEntry("2026-02-" + day, "CLOSED");
        }
        assertThat(days.stream().filter(d -> "CLOSED".equals(d.get("kind")))).hasSize(33);
    }

    @Test
    void aYearWithoutAnnouncementIsNotLoadedRatherThanEmpty() {
        Map<String, Object> body = rest.withBasicAuth("agent", "demo").getForObject("/api/calendars/CN?year=2028", Map.class);

        assertThat(body.get("loaded")).isEqualTo(false);
        assertThat((List<?>) body.get("days")).isEmpty();
        assertThat(calendars.network(List.of(2026, 2028))).filteredOn(s -> s.country().equals("CN")).singleElement()
                .satisfies(cn -> assertThat(cn.missingYears()).containsExactly(2028));
    }

    @Test
    void chinas2027IsProvisionalStatutoryHolidaysWithoutInventedSwaps() {
        Map<String, Object> body = rest.withBasicAuth("agent", "demo").getForObject("/api/calendars/CN?year=2027", Map.class);

        assertThat(body.get("loaded")).isEqualTo(true);
        assertThat(body.get("provisional")).isEqualTo(true);
        assertThat((String) body.get("source")).startsWith("PROVISIONAL").contains("全国年节及纪念日放假办法");
        List<Map<String, Object>> days = (List<Map<String, Object>>) body.get("days");
        assertThat(days).allSatisfy(d -> assertThat(d.get("kind")).isEqualTo("CLOSED"));
        // 除夕 to 初三 of the Year of the Goat, and the 13 statutory days of the 2024 amendment.
        assertThat(days).extracting(d -> d.get("date")).contains("2027-02-05", "2027-02-06", "2027-02-07", "2027-02-08")
                .hasSize(13);
        assertThat(calendars.network(List.of(2026, 2027))).filteredOn(s -> s.country().equals("CN")).singleElement()
                .satisfies(cn -> {
                    assertThat(cn.missingYears()).isEmpty();
                    assertThat(cn.provisionalYears()).containsExactly(2027);
                });
    }

    @Test
    void countriesTheLibraryCoversAreSeededFromIt() {
        CalendarYear egypt = calendars.year("EG", 2026, null);

        assertThat(egypt.loaded()).isTrue();
        assertThat(egypt.source()).contains("Jollyday");
        assertThat(egypt.days()).extracting(CalendarDay::date).contains(LocalDate.of(2026, 5, 27), LocalDate.of(2026, 10, 6));
        assertThat(calendars.year("EC", 2026, null).days()).extracting(CalendarDay::name).contains("Carnaval");
    }

    @Test
    void onlyAnAdminReplacesACalendarAndTheChangeIsRecordedAndCountsAtOnce() {
        Map<String, Object> update = Map.of("source", "Test decree 2030/1", "days", List.of(
                Map.of("date", "2030-03-04", "kind", "CLOSED", "name", "Test holiday"),
                Map.of("date", "2030-03-09", "kind", "WORKING_DAY", "name", "Worked Saturday"),
                Map.of("date", "2030-03-05", "kind", "REDUCED_HOURS", "opens", "08:00", "closes", "12:00", "name", "Half day")));

        assertThat(rest.withBasicAuth("agent", "demo").exchange("/api/calendars/NZ?year=2030", HttpMethod.PUT, json(update),
                Map.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<Map> saved = rest.withBasicAuth("admin", "demo").exchange("/api/calendars/nz?year=2030",
                HttpMethod.PUT, json(update), Map.class);

        assertThat(saved.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat((List<?>) saved.getBody().get("days")).hasSize(3);
        assertThat(saved.getBody().get("updatedBy")).isEqualTo("admin");
        List<Map<String, Object>> created = auditOf("NZ 2030");
        assertThat(created).singleElement().satisfies(entry -> {
            assertThat(entry).containsEntry("actor", "admin").containsEntry("action", "CREATE").containsEntry("before", null);
            assertThat((Map<String, Object>) entry.get("after")).containsEntry("source", "Test decree 2030/1");
            assertThat((List<Map<String, Object>>) ((Map<String, Object>) entry.get("after")).get("days"))
                    .extracting(d -> d.get("date") + " " + d.get("kind"))
                    .containsExactly("2030-03-04 CLOSED", "2030-03-05 REDUCED_HOURS", "2030-03-09 WORKING_DAY");
        });
        // Auckland, MON-FRI 08:00-17:00: Friday 16:00 + 2 h is 1 h on Friday, the worked Saturday from 08:00.
        ZoneId auckland = ZoneId.of("Pacific/Auckland");
        assertThat(calendars.timetable("AKL").plusWorkingMinutes(ZonedDateTime.of(2030, 3, 8, 16, 0, 0, 0, auckland).toInstant(), 120))
                .isEqualTo(ZonedDateTime.of(2030, 3, 9, 9, 0, 0, 0, auckland).toInstant());
        // Monday closed, Tuesday only 08:00-12:00.
        assertThat(calendars.timetable("AKL").workingTimeBetween(ZonedDateTime.of(2030, 3, 4, 0, 0, 0, 0, auckland).toInstant(),
                ZonedDateTime.of(2030, 3, 6, 0, 0, 0, 0, auckland).toInstant())).isEqualTo(Duration.ofHours(4));
    }

    @Test
    void aRefusedCalendarIsAProblemNamingEachBadDayAndNothingIsStored() {
        Map<String, Object> update = Map.of("source", "x", "days", List.of(
                Map.of("date", "2031-03-04", "kind", "REDUCED_HOURS", "name", "no hours"),
                Map.of("date", "2032-01-01", "kind", "CLOSED", "name", "wrong year"),
                Map.of("date", "2031-03-06", "kind", "CLOSED", "name", " ")));

        ResponseEntity<Map> refused = rest.withBasicAuth("admin", "demo").exchange("/api/calendars/NZ?year=2031",
                HttpMethod.PUT, json(update), Map.class);

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat((String) refused.getBody().get("detail")).contains("REDUCED_HOURS");
        assertThat((Map<String, String>) refused.getBody().get("errors"))
                .containsKeys("days[0].opens", "days[1].date", "days[2].name");
        assertThat(calendars.year("NZ", 2031, null).loaded()).isFalse();

        ResponseEntity<Map> badCountry = rest.withBasicAuth("admin", "demo").exchange("/api/calendars/China?year=2031",
                HttpMethod.PUT, json(Map.of("source", "x", "days", List.of())), Map.class);
        assertThat(badCountry.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((Map<String, String>) badCountry.getBody().get("errors")).containsKey("country");

        ResponseEntity<Map> foreignLocation = rest.withBasicAuth("admin", "demo").getForEntity(
                "/api/calendars/CN?year=2026&location=CAI", Map.class);
        assertThat(foreignLocation.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((String) foreignLocation.getBody().get("detail")).contains("CAI").contains("CN");
    }

    @Test
    void anEditIsInTheAuditTrailBeforeAndAfterAndStaysThere() {
        HttpEntity<Object> first = json(Map.of("source", "Test decree 2036/1", "days", List.of(
                Map.of("date", "2036-02-06", "kind", "CLOSED", "name", "Waitangi Day"),
                Map.of("date", "2036-04-25", "kind", "CLOSED", "name", "Anzac Day"))));
        HttpEntity<Object> second = json(Map.of("source", "Test decree 2036/2", "days", List.of(
                Map.of("date", "2036-02-06", "kind", "REDUCED_HOURS", "opens", "09:00", "closes", "12:00", "name", "Waitangi Day"))));
        rest.withBasicAuth("admin", "demo").exchange("/api/calendars/NZ?year=2036&location=AKL", HttpMethod.PUT, first, Map.class);
        rest.withBasicAuth("admin", "demo").exchange("/api/calendars/NZ?year=2036&location=AKL", HttpMethod.PUT, second, Map.class);

        List<Map<String, Object>> entries = auditOf("NZ/AKL 2036");

        assertThat(entries).extracting(e -> e.get("action")).containsExactly("UPDATE", "CREATE");
        Map<String, Object> update = entries.get(0);
        assertThat((Map<String, Object>) update.get("before")).containsEntry("source", "Test decree 2036/1")
                .satisfies(before -> assertThat((List<?>) before.get("days")).hasSize(2));
        assertThat((List<Map<String, Object>>) ((Map<String, Object>) update.get("after")).get("days")).singleElement()
                .satisfies(day -> assertThat(day).containsEntry("kind", "REDUCED_HOURS").containsEntry("opens", "09:00:00"));
        assertThatThrownBy(() -> jdbc.update("delete from audit_entry where entity = 'CALENDAR'")).rootCause()
                .hasMessageContaining("append-only");
    }

    private List<Map<String, Object>> auditOf(String id) {
        ResponseEntity<List> entries = rest.withBasicAuth("admin", "demo").getForEntity(
                "/api/audit?entity=CALENDAR&id={id}", List.class, id);
        assertThat(entries.getStatusCode()).isEqualTo(HttpStatus.OK);
        return entries.getBody();
    }

    private static HttpEntity<Object> json(Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(body, headers);
    }
}

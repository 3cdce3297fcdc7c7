package io.spareflow.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.spareflow.SpareflowIntegrationTest;
import io.spareflow.tier.ServiceTier;
import io.spareflow.tier.ServiceTiers;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

@SpareflowIntegrationTest
class AuditApiTest {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    ServiceTiers tiers;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aChangeIsRecordedWithWhoWhenWhereBeforeAndAfter() {
        Instant start = Instant.now().minusSeconds(1);
        ServiceTier before = tiers.require("SILVER");
        ServiceTier changed = new ServiceTier(before.name(), before.description(), before.calendar(),
                before.acceptMinutes() + 7, before.remoteDiagnosisMinutes(), before.advanceExchange(),
                before.spareOnSiteMinutes(), before.defectiveReturnDays(), before.defectiveReturnReminderDays(),
                before.overdueChargeDays());
        try {
            assertThat(rest.withBasicAuth("admin", "demo").exchange("/api/tiers/SILVER", HttpMethod.PUT, json(changed),
                    String.class).getStatusCode()).isEqualTo(HttpStatus.OK);

            JsonNode entries = rest.withBasicAuth("admin", "demo").getForObject(
                    "/api/audit?entity=SERVICE_TIER&id=SILVER&since=" + start, JsonNode.class);
            assertThat(entries).isNotEmpty();
            JsonNode entry = entries.get(0);
            assertThat(entry.get("actor").asText()).isEqualTo("admin");
            assertThat(entry.get("address").asText()).isEqualTo("127.0.0.1");
            assertThat(entry.get("action").asText()).isEqualTo("UPDATE");
            assertThat(Instant.parse(entry.get("at").asText())).isAfterOrEqualTo(start);
            assertThat(entry.at("/before/acceptMinutes").asInt()).isEqualTo(before.acceptMinutes());
            assertThat(entry.at("/after/acceptMinutes").asInt()).isEqualTo(before.acceptMinutes() + 7);

            JsonNode later = rest.withBasicAuth("admin", "demo").getForObject(
                    "/api/audit?entity=SERVICE_TIER&id=SILVER&since=" + Instant.now().plusSeconds(60), JsonNode.class);
            assertThat(later).as("nothing since a later instant").isEmpty();
        } finally {
            tiers.update("SILVER", before);
        }
    }

    @Test
    void theDatabaseRefusesToChangeOrDeleteAnEntry() {
        Long id = jdbc.queryForObject("""
                INSERT INTO audit_entry (at, actor, entity, entity_id, action) VALUES (now(), 'admin', 'USER', 'x', 'CREATE')
                RETURNING id""", Long.class);
        assertThatThrownBy(() -> jdbc.update("UPDATE audit_entry SET actor = 'mallory' WHERE id = ?", id))
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.update("DELETE FROM audit_entry WHERE id = ?", id))
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.execute("TRUNCATE audit_entry"))
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("append-only");
        assertThat(jdbc.queryForObject("SELECT actor FROM audit_entry WHERE id = ?", String.class, id)).isNotEqualTo("mallory");
    }

    @ParameterizedTest
    @ValueSource(strings = {"supervisor", "agent", "depot-CTU", "tech-RC-SZX"})
    void onlyAdminsReadTheAudit(String user) {
        ResponseEntity<Map> response = rest.withBasicAuth(user, "demo").getForEntity("/api/audit", Map.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void anUnknownKindOrABadInstantNamesWhatIsExpected() {
        ResponseEntity<Map> kind = rest.withBasicAuth("admin", "demo").getForEntity("/api/audit?entity=PLANET", Map.class);
        assertThat(kind.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((String) kind.getBody().get("detail")).contains("PLANET").contains("SERVICE_TIER");
        ResponseEntity<Map> since = rest.withBasicAuth("admin", "demo").getForEntity("/api/audit?since=yesterday", Map.class);
        assertThat(since.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((String) since.getBody().get("detail")).contains("since").contains("yesterday");
    }

    static HttpEntity<Object> json(Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(body, headers);
    }
}

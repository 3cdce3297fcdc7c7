package io.spareflow.sourcing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.spareflow.SpareflowIntegrationTest;
import io.spareflow.board.Boards;
import io.spareflow.customer.Customers;
import io.spareflow.customer.SiteInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/** Quotes on the real network: real cities, real distances, the seeded mountain-road override of the Aba site. */
@SpareflowIntegrationTest
class SpareQuoteTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Boards boards;
    @Autowired
    Customers customers;
    @Autowired
    SpareReservationRepository reservations;

    StockFixture fixture;

    @BeforeEach
    void setUp() {
        fixture = new StockFixture(jdbc, boards, customers, reservations);
    }

    @Test
    void chengduSiteIsServedFromChengduWithinThePlatinumLimit() {
        String part = fixture.part(null);
        fixture.available(part, "CTU", 2);
        fixture.available(part, "CKG", 4);
        fixture.available(part, "PEK", 6);

        JsonNode quote = quote(Map.of("partNumber", part, "siteId", fixture.chengdu().id()));

        assertThat(quote.get("tier").asText()).isEqualTo("PLATINUM");
        assertThat(quote.get("outcome").asText()).isEqualTo("WITHIN_LIMIT");
        assertThat(quote.at("/choice/depotCode").asText()).isEqualTo("CTU");
        assertThat(quote.at("/choice/distanceKm").asDouble()).isLessThan(10);
        assertThat(quote.at("/choice/boardsAvailable").asLong()).isEqualTo(2);
        assertThat(quote.at("/choice/meetsLimit").asBoolean()).isTrue();
        assertThat(depots(quote)).containsExactly("CTU", "CKG", "PEK");
        assertThat(quote.get("reason").asText()).contains("CTU is the nearest depot").contains("within the PLATINUM limit of 240 min");
    }

    @Test
    void abaSiteIsServedFromChengduWithAPredictedBreachOfTheFourHourLimit() {
        String part = fixture.part(null);
        fixture.available(part, "CTU", 1);
        fixture.available(part, "CKG", 1);
        fixture.available(part, "XNN", 1);
        fixture.available(part, "PEK", 1);
        SiteInfo aba = fixture.aba();

        JsonNode quote = quote(Map.of("partNumber", part, "siteId", aba.id()));

        assertThat(quote.get("outcome").asText()).isEqualTo("PREDICTED_BREACH");
        assertThat(quote.at("/choice/depotCode").asText()).isEqualTo("CTU");
        assertThat(quote.at("/choice/meetsLimit").asBoolean()).isFalse();
        assertThat(quote.at("/choice/etaMinutes").asLong()).isGreaterThan(240);
        assertThat(quote.at("/destination/roads/reason").asText()).contains("Mountain roads");
        assertThat(quote.get("reason").asText()).contains("no depot with a compatible board can be on site within the PLATINUM limit")
                .contains("CTU is the fastest").contains("predicted breach");
        List<JsonNode> candidates = new ArrayList<>();
        quote.get("candidates").forEach(candidates::add);
        assertThat(candidates).allSatisfy(c -> assertThat(c.get("meetsLimit").asBoolean()).isFalse());
        assertThat(candidates).extracting(c -> c.get("etaMinutes").asLong()).isSorted();

        // The same point without the site's override: the straight line promises a faster trip than the mountain road.
        JsonNode straight = quote(Map.of("partNumber", part, "lat", aba.latitude(), "lon", aba.longitude(), "tier", "PLATINUM"));
        assertThat(straight.at("/choice/depotCode").asText()).isEqualTo("CTU");
        assertThat(straight.at("/choice/etaMinutes").asLong()).isLessThan(quote.at("/choice/etaMinutes").asLong());
        assertThat(straight.at("/choice/distanceKm").asDouble()).isEqualTo(quote.at("/choice/distanceKm").asDouble());
    }

    @Test
    void quitoSiteIsServedFromQuito() {
        String part = fixture.part(null);
        fixture.available(part, "GYE", 3);
        fixture.available(part, "BOG", 3);
        fixture.available(part, "UIO", 1);
        fixture.available(part, "CTU", 9);

        JsonNode quote = quote(Map.of("partNumber", part, "siteId", fixture.quito().id()));

        assertThat(quote.get("tier").asText()).isEqualTo("GOLD");
        assertThat(quote.get("calendar").asText()).isEqualTo("BUSINESS_HOURS");
        assertThat(quote.at("/choice/depotCode").asText()).isEqualTo("UIO");
        assertThat(quote.get("outcome").asText()).isEqualTo("WITHIN_LIMIT");
        // Chengdu is on the other side of the earth: only air freight is worth considering, and it is ranked last.
        JsonNode chengdu = quote.get("candidates").get(3);
        assertThat(chengdu.get("depotCode").asText()).isEqualTo("CTU");
        assertThat(chengdu.get("transport").asText()).isEqualTo("AIR");
        assertThat(chengdu.get("meetsLimit").asBoolean()).isFalse();
    }

    @Test
    void aNewerPartServesAnOlderOneButNeverTheOtherWayRound() {
        String newer = fixture.part(null);
        String older = fixture.part(newer);
        fixture.available(newer, "CTU", 1);
        fixture.available(older, "CKG", 1);

        JsonNode forOlder = quote(Map.of("partNumber", older, "siteId", fixture.chengdu().id()));
        assertThat(forOlder.get("compatibleParts")).extracting(JsonNode::asText).containsExactly(older, newer);
        assertThat(forOlder.at("/choice/depotCode").asText()).isEqualTo("CTU");
        assertThat(forOlder.at("/choice/boardsByPart").fieldNames()).toIterable().containsExactly(newer);

        String newest = fixture.part(null);
        String superseded = fixture.part(newest);
        fixture.available(superseded, "CTU", 2);
        JsonNode forNewest = quote(Map.of("partNumber", newest, "siteId", fixture.chengdu().id()));
        assertThat(forNewest.get("outcome").asText()).isEqualTo("BACKORDER");
        assertThat(forNewest.get("choice").isNull()).isTrue();
        assertThat(forNewest.get("reason").asText()).contains("no depot holds an AVAILABLE board of " + newest);
    }

    @Test
    void aBronzeQuoteHasNoLimitAndTakesTheNearestDepot() {
        String part = fixture.part(null);
        fixture.available(part, "CTU", 1);
        fixture.available(part, "CKG", 1);

        JsonNode quote = quote(Map.of("partNumber", part, "lat", 29.5630, "lon", 106.5516, "tier", "bronze"));

        assertThat(quote.get("limitMinutes").isNull()).isTrue();
        assertThat(quote.get("outcome").asText()).isEqualTo("WITHIN_LIMIT");
        assertThat(quote.at("/choice/depotCode").asText()).isEqualTo("CKG");
        assertThat(quote.get("reason").asText()).contains("has no spare-on-site limit");
    }

    @Test
    void aQuoteNeedsEitherASiteOrCoordinatesAndAKnownTier() {
        String part = fixture.part(null);
        assertProblem(Map.of("partNumber", part, "siteId", fixture.chengdu().id(), "lat", 30.0, "lon", 104.0),
                HttpStatus.BAD_REQUEST, "either siteId or both lat and lon");
        assertProblem(Map.of("partNumber", part, "lat", 30.0), HttpStatus.BAD_REQUEST, "either siteId or both lat and lon");
        assertProblem(Map.of("partNumber", part, "lat", 30.0, "lon", 104.0), HttpStatus.BAD_REQUEST, "needs a tier");
        assertProblem(Map.of("partNumber", part, "lat", 30.0, "lon", 104.0, "tier", "DIAMOND"), HttpStatus.BAD_REQUEST,
                "'DIAMOND' is not a service tier");
        assertProblem(Map.of("partNumber", part, "lat", 95.0, "lon", 104.0, "tier", "GOLD"), HttpStatus.BAD_REQUEST, "lat");
        assertProblem(Map.of("partNumber", "NO-SUCH-PART", "siteId", fixture.chengdu().id()), HttpStatus.NOT_FOUND, "NO-SUCH-PART");
        assertProblem(Map.of("partNumber", part, "siteId", 999_999_999L), HttpStatus.NOT_FOUND, "999999999");
    }

    private JsonNode quote(Map<String, Object> body) {
        ResponseEntity<JsonNode> response = http.withBasicAuth("agent", "demo")
                .postForEntity("/api/sourcing/quotes", body, JsonNode.class);
        assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    private void assertProblem(Map<String, Object> body, HttpStatus status, String detail) {
        ResponseEntity<JsonNode> response = http.withBasicAuth("agent", "demo")
                .postForEntity("/api/sourcing/quotes", body, JsonNode.class);
        assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(status);
        assertThat(response.getBody().get("detail").asText()).contains(detail);
    }

    private static List<String> depots(JsonNode quote) {
        List<String> codes = new ArrayList<>();
        quote.get("candidates").forEach(c -> codes.add(c.get("depotCode").asText()));
        return codes;
    }
}

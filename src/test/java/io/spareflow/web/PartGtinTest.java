package io.spareflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.spareflow.SpareflowIntegrationTest;
import io.spareflow.common.Gtin;
import io.spareflow.part.PartInfo;
import io.spareflow.part.Parts;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

/** Every part of the catalogue has its own GTIN-14 under the configured GS1 company prefix, in the API and on the page. */
@SpareflowIntegrationTest
class PartGtinTest {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    ObjectMapper json;
    @Autowired
    Parts parts;
    @Autowired
    JdbcTemplate jdbc;
    @Value("${spareflow.gs1.company-prefix}")
    String companyPrefix;

    @Test
    void everyPartHasAValidUniqueGtinWithTheCompanyPrefixInTheApiAndTheCatalogue() throws Exception {
        JsonNode listed = json.readTree(rest.withBasicAuth("agent", "demo").getForEntity("/api/parts", String.class).getBody());
        List<String> gtins = new ArrayList<>();
        listed.forEach(part -> gtins.add(part.get("gtin").asText()));

        assertThat(gtins).hasSizeGreaterThanOrEqualTo(25).doesNotHaveDuplicates()
                .allSatisfy(gtin -> assertThat(Gtin.isValid(gtin)).as(gtin).isTrue())
                .allSatisfy(gtin -> assertThat(gtin).startsWith("0" + companyPrefix));
        String catalogue = PageSession.signIn(rest, "admin").get("/admin").getBody();
        assertThat(catalogue).contains(parts.require("130103811").gtin());
    }

    @Test
    void aPartAddedLaterGetsTheNextItemReferenceAndKeepsItsGtin() {
        String before = parts.all().stream().map(PartInfo::gtin).max(String::compareTo).orElseThrow();
        jdbc.update("""
                insert into part (part_number, product_line, description, revision, superseded_by, repairable, repair_turnaround_days)
                values ('GT-NEW-1', 'POWER', 'GTIN test board', 'A', null, true, 5)""");

        String gtin = parts.require("GT-NEW-1").gtin();
        assertThat(Gtin.isValid(gtin)).isTrue();
        assertThat(gtin).isGreaterThan(before);
        assertThat(parts.require("gt-new-1").gtin()).isEqualTo(gtin);
    }
}

package io.spareflow.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.spareflow.SpareflowIntegrationTest;
import io.spareflow.board.BoardStatus;
import io.spareflow.board.Boards;
import io.spareflow.customer.CustomerInfo;
import io.spareflow.customer.Customers;
import io.spareflow.part.PartInfo;
import io.spareflow.part.Parts;
import io.spareflow.part.ProductLine;
import io.spareflow.training.CertificationLevel;
import io.spareflow.training.Certifications;
import io.spareflow.user.Role;
import io.spareflow.user.Users;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

@SpareflowIntegrationTest
class SeedDataTest {

    @Autowired
    Certifications certifications;
    @Autowired
    Parts parts;
    @Autowired
    Boards boards;
    @Autowired
    Customers customers;
    @Autowired
    Users users;
    @Autowired
    TestRestTemplate rest;

    @Test
    void catalogueCoversEveryProductLineWithSupersession() {
        List<PartInfo> all = parts.all();
        assertThat(all).hasSizeGreaterThanOrEqualTo(20);
        assertThat(all.stream().map(PartInfo::productLine).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder(ProductLine.values());
        assertThat(parts.replacementsFor("130103801")).containsExactly("130103801", "130103811");
        assertThat(parts.replacementsFor("130103811")).containsExactly("130103811");
    }

    @Test
    void thousandsOfBoardsInDepotsAndAtCustomerSites() {
        assertThat(boards.count()).isGreaterThanOrEqualTo(5000);
        assertThat(boards.countByStatus(BoardStatus.AVAILABLE)).isGreaterThan(4000);
        assertThat(boards.countByStatus(BoardStatus.INSTALLED)).isGreaterThan(100);
    }

    @Test
    void serialsAreCaseInsensitiveOnInput() {
        String serial = boards.search(null, null, BoardStatus.AVAILABLE, org.springframework.data.domain.PageRequest.of(0, 1))
                .getContent().get(0).serial();
        assertThat(boards.require("  " + serial.toLowerCase() + " ").serial()).isEqualTo(serial);
        ResponseEntity<Map> viaApi = rest.withBasicAuth("agent", "demo").getForEntity("/api/boards/" + serial.toLowerCase(), Map.class);
        assertThat(viaApi.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat((Map<String, Object>) viaApi.getBody().get("board")).containsEntry("serial", serial);
    }

    @Test
    void customersHaveSitesContactsAndATier() {
        CustomerInfo sichuan = customers.require("CMCC-SC");
        assertThat(sichuan.tier()).isEqualTo("PLATINUM");
        assertThat(sichuan.sites()).anySatisfy(site -> {
            assertThat(site.name()).contains("Aba");
            assertThat(site.latitude()).isBetween(31.5, 32.5);
            assertThat(site.longitude()).isBetween(101.5, 103.0);
        });
        assertThat(sichuan.contacts()).isNotEmpty().allSatisfy(c -> assertThat(c.email()).contains("@"));
        assertThat(customers.all()).hasSizeGreaterThanOrEqualTo(8)
                .extracting(CustomerInfo::tier).contains("PLATINUM", "GOLD", "SILVER", "BRONZE");
        assertThat(customers.require("cnt-ec").sites()).anySatisfy(site -> assertThat(site.city()).isEqualTo("Quito"));
    }

    @Test
    void aUserForEveryDepotAndRepairCenter() {
        assertThat(users.require("depot-CTU").role()).isEqualTo(Role.DEPOT);
        assertThat(users.require("depot-CTU").locationCode()).isEqualTo("CTU");
        assertThat(users.require("depot-UIO").mayActAt("UIO")).isTrue();
        assertThat(users.require("depot-UIO").mayActAt("CTU")).isFalse();
        assertThat(certifications.validLines("tech-RC-NKG", CertificationLevel.L2)).contains(ProductLine.OPTICAL)
                .doesNotContain(ProductLine.CDMA);
        assertThat(users.withRole(Role.DEPOT)).hasSizeGreaterThanOrEqualTo(108);
        assertThat(users.require("agent").getPassword()).startsWith("$2").doesNotContain("demo");
    }

    @Test
    void unknownIdsAre404WithADetail() {
        for (String path : new String[] {"/api/locations/XYZ", "/api/parts/999999999", "/api/customers/NOPE", "/api/boards/ZZ99999999"}) {
            ResponseEntity<Map> response = rest.withBasicAuth("agent", "demo").getForEntity(path, Map.class);
            assertThat(response.getStatusCode()).as(path).isEqualTo(HttpStatus.NOT_FOUND);
            assertThat((String) response.getBody().get("detail")).as(path).contains("does not exist");
        }
    }

    @Test
    void badFilterValuesAre400() {
        ResponseEntity<Map> response = rest.withBasicAuth("agent", "demo").getForEntity("/api/locations?type=CASTLE", Map.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((String) response.getBody().get("detail")).contains("type").contains("OFFICE_DEPOT");
        ResponseEntity<Map> badSerial = rest.withBasicAuth("agent", "demo").getForEntity("/api/boards/a b", Map.class);
        assertThat(badSerial.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    }
}

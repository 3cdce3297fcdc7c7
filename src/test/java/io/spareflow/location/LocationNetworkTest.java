package io.spareflow.location;

import static org.assertj.core.api.Assertions.assertThat;

import io.spareflow.SpareflowIntegrationTest;
import io.spareflow.common.GeoPoint;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

@SpareflowIntegrationTest
class LocationNetworkTest {

    @Autowired
    Locations locations;
    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void networkHasHqOfficesOverseasDepotsAndRepairCenters() {
        Map<LocationType, Long> counts = new java.util.EnumMap<>(LocationType.class);
        locations.all().forEach(l -> counts.merge(l.type(), 1L, Long::sum));
        // Other tests may add locations to the shared database: check the seeded network, not exact totals.
        LocationInfo hq = locations.require("HQ");
        assertThat(hq.type()).isEqualTo(LocationType.HQ);
        assertThat(hq.city()).isEqualTo("Shenzhen");
        assertThat(counts.get(LocationType.OFFICE_DEPOT)).isGreaterThanOrEqualTo(48);
        assertThat(counts.get(LocationType.OVERSEAS_DEPOT)).isGreaterThanOrEqualTo(60);
        assertThat(counts.get(LocationType.REPAIR_CENTER)).isGreaterThanOrEqualTo(2);
        assertThat(locations.count()).isGreaterThanOrEqualTo(120);
    }

    /** Locations are remembered once read; one its own transaction added and then rolled back is not. */
    @Test
    void aLocationOfATransactionRolledBackIsNotRemembered() {
        String code = "RB" + Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase(Locale.ROOT);
        LocationInfo added = new LocationInfo(code, "Rolled back depot", LocationType.OFFICE_DEPOT, "Chengdu", "CN", 30.6,
                104.1, "Asia/Shanghai", "MON-FRI 09:00-17:00", 30, null, null);
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            locations.registerAll(List.of(added));
            assertThat(locations.find(code)).contains(added);
            status.setRollbackOnly();
        });

        assertThat(locations.find(code)).isEmpty();
        assertThat(locations.find("CTU")).isEqualTo(locations.find("CTU")).isPresent();
    }

    @Test
    void everyDomesticLocationHasAChineseNameAndCityOverseasOnesReadInEnglish() {
        assertThat(locations.require("CTU").localName().in(Locale.SIMPLIFIED_CHINESE)).isEqualTo("成都备件中心");
        assertThat(locations.require("URC").localCity().in(Locale.SIMPLIFIED_CHINESE)).isEqualTo("乌鲁木齐");
        assertThat(locations.require("RC-SZX").localName().in(Locale.SIMPLIFIED_CHINESE)).isEqualTo("深圳维修中心");
        assertThat(locations.require("CTU").localName().in(Locale.ENGLISH)).isEqualTo("Chengdu Office Depot");
        // The seeded network (codes of data/locations.csv); other tests add locations of their own.
        List<LocationInfo> seeded = locations.all().stream().filter(l -> l.code().matches("HQ|[A-Z]{3}|RC-[A-Z]{3}")).toList();
        assertThat(seeded.stream().filter(l -> l.country().equals("CN")))
                .allSatisfy(l -> assertThat(l.nameZh()).as(l.code()).isNotBlank().matches(".*\\p{IsHan}.*"))
                .hasSizeGreaterThanOrEqualTo(50);
        LocationInfo quito = locations.require("UIO");
        assertThat(quito.localName().in(Locale.SIMPLIFIED_CHINESE)).isEqualTo("Quito Spare Parts Center");
    }

    /** Reference coordinates of the real cities (city centres); the network must be within 25 km of them. */
    @ParameterizedTest
    @CsvSource({
            "CTU, 30.6570, 104.0660",
            "PEK, 39.9042, 116.4074",
            "SHA, 31.2304, 121.4737",
            "CAN, 23.1291, 113.2644",
            "SZX, 22.5431, 114.0579",
            "UIO, -0.2299, -78.5250",
            "CAI, 30.0444, 31.2357",
            "URC, 43.8256, 87.6168",
            "NBO, -1.2864, 36.8172",
            "SAO, -23.5505, -46.6333"
    })
    void depotsStandInTheirRealCity(String code, double latitude, double longitude) {
        LocationInfo depot = locations.require(code);
        double km = depot.point().distanceKmTo(new GeoPoint(latitude, longitude));
        assertThat(km).as("%s is %.1f km from the real city", code, km).isLessThan(25);
    }

    @Test
    void everyLocationHasAValidTimeZoneAndBusinessHours() {
        List<LocationInfo> all = locations.all();
        all.forEach(l -> {
            assertThat(l.zone()).isNotNull();
            assertThat(l.hours()).isNotNull();
        });
        assertThat(locations.require("CAI").hours().days()).contains(java.time.DayOfWeek.SUNDAY)
                .doesNotContain(java.time.DayOfWeek.FRIDAY);
    }
}

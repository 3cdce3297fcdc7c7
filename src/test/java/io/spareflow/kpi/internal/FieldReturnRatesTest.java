package io.spareflow.kpi.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * TL 9000 FR rates for June 2026, worked by hand in the handbook's layout: shipments by month, the returns of June by
 * the month the returned unit was shipped, each age group's population and returns, annualised and in percent.
 */
class FieldReturnRatesTest {

    private static final YearMonth JUNE = YearMonth.of(2026, 6);

    @Test
    void workedExample() {
        Map<YearMonth, Long> shipped = new HashMap<>();
        // ERI basis: December 2025 – May 2026 (1 to 6 months before June), 100 a month: 600 units
        for (int age = 1; age <= 6; age++) {
            shipped.put(JUNE.minusMonths(age), 100L);
        }
        // YRR basis: December 2024 – November 2025 (7 to 18 months), 200 a month: 2,400 units
        for (int age = 7; age <= 18; age++) {
            shipped.put(JUNE.minusMonths(age), 200L);
        }
        // LTR basis: November 2024 and earlier (19 to 42 months), 250 a month: 6,000 units
        for (int age = 19; age <= 42; age++) {
            shipped.put(JUNE.minusMonths(age), 250L);
        }
        shipped.put(JUNE, 80L);                       // shipped in June itself: no age group yet
        shipped.put(JUNE.plusMonths(1), 999L);        // after the reporting month: ignored

        Map<YearMonth, Long> returned = Map.of(
                YearMonth.of(2026, 5), 1L, YearMonth.of(2025, 12), 2L,        // ERI: 3 returns
                YearMonth.of(2025, 11), 1L, YearMonth.of(2024, 12), 3L,       // YRR: 4 returns (ages 7 and 18)
                YearMonth.of(2024, 11), 2L, YearMonth.of(2023, 1), 3L,        // LTR: 5 returns (ages 19 and 41)
                JUNE, 1L);                                                    // a June shipment returned in June

        FieldReturnRates.Result r = FieldReturnRates.compute("OPTICAL", JUNE, shipped, returned);

        assertThat(r.eri().population()).isEqualTo(600);
        assertThat(r.eri().returns()).isEqualTo(3);
        assertThat(r.eri().rate()).isCloseTo(6.0, within(1e-12));     // 3 × 12 × 100 ÷ 600
        assertThat(r.yrr().population()).isEqualTo(2400);
        assertThat(r.yrr().returns()).isEqualTo(4);
        assertThat(r.yrr().rate()).isCloseTo(2.0, within(1e-12));     // 4 × 12 × 100 ÷ 2,400
        assertThat(r.ltr().population()).isEqualTo(6000);
        assertThat(r.ltr().returns()).isEqualTo(5);
        assertThat(r.ltr().rate()).isCloseTo(1.0, within(1e-12));     // 5 × 12 × 100 ÷ 6,000
        assertThat(r.returnsOfUnitsShippedInMonth()).isEqualTo(1);
    }

    @Test
    void anAgeGroupWithoutPopulationHasNoRate() {
        FieldReturnRates.Result r = FieldReturnRates.compute("POWER", JUNE, Map.of(JUNE.minusMonths(2), 50L), Map.of());
        assertThat(r.eri().rate()).isEqualTo(0.0);
        assertThat(r.yrr().rate()).isNull();
        assertThat(r.ltr().rate()).isNull();
    }
}

package io.spareflow.kpi.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
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
        shipped.put(JUNE, 80L);                       // shipped in June itself: in no population yet
        shipped.put(JUNE.plusMonths(1), 999L);        // after the reporting month: ignored

        Map<YearMonth, Long> returned = Map.of(
                YearMonth.of(2026, 5), 1L, YearMonth.of(2025, 12), 2L,        // ERI: 3 returns
                YearMonth.of(2025, 11), 1L, YearMonth.of(2024, 12), 3L,       // YRR: 4 returns (ages 7 and 18)
                YearMonth.of(2024, 11), 2L, YearMonth.of(2023, 1), 3L,        // LTR: 5 returns (ages 19 and 41)
                JUNE, 1L);                                                    // a June shipment returned in June: ERI

        FieldReturnRates.Result r = FieldReturnRates.compute("OPTICAL", JUNE, shipped, returned);

        assertThat(r.eri().population()).isEqualTo(600);
        assertThat(r.eri().returns()).isEqualTo(4);
        assertThat(r.eri().rate()).isCloseTo(8.0, within(1e-12));     // 4 × 12 × 100 ÷ 600
        assertThat(r.yrr().population()).isEqualTo(2400);
        assertThat(r.yrr().returns()).isEqualTo(4);
        assertThat(r.yrr().rate()).isCloseTo(2.0, within(1e-12));     // 4 × 12 × 100 ÷ 2,400
        assertThat(r.ltr().population()).isEqualTo(6000);
        assertThat(r.ltr().returns()).isEqualTo(5);
        assertThat(r.ltr().rate()).isCloseTo(1.0, within(1e-12));     // 5 × 12 × 100 ÷ 6,000
        assertThat(r.returnsOfUnitsShippedInMonth()).isEqualTo(1);
    }

    /**
     * The TL 9000 Measurements Handbook's own example 7.1.1 (FR, basic calculations): in January 2010, 355 returns from
     * a population of 186,914 units; 153 returns of units shipped in January or the six months before (on or after
     * 1 Jul 2009), 163 of units shipped 1 Jul 2008 – 30 Jun 2009, 39 of older ones; populations 57,288 (shipped Jul–Dec
     * 2009), 99,626 and 30,000. The handbook's results: ERI 3.20, YRR 1.96, LTR 1.56.
     */
    @Test
    void handbookExample711() {
        YearMonth january = YearMonth.of(2010, 1);
        Map<YearMonth, Long> shipped = new HashMap<>();
        // Spread over the months of each group, the group boundaries included (Jul 09 | Jun 09, Jul 08 | Jun 08).
        shipped.put(YearMonth.of(2009, 7), 7_288L);
        shipped.put(YearMonth.of(2009, 12), 50_000L);     // ERI population 57,288
        shipped.put(YearMonth.of(2009, 6), 49_626L);
        shipped.put(YearMonth.of(2008, 7), 50_000L);      // YRR population 99,626
        shipped.put(YearMonth.of(2008, 6), 10_000L);
        shipped.put(YearMonth.of(2005, 3), 20_000L);      // LTR population 30,000
        shipped.put(january, 4_000L);                     // January's own shipments: in no population yet
        Map<YearMonth, Long> returned = Map.of(
                january, 13L, YearMonth.of(2009, 7), 40L, YearMonth.of(2009, 12), 100L,  // ERI: 153
                YearMonth.of(2009, 6), 63L, YearMonth.of(2008, 7), 100L,                 // YRR: 163
                YearMonth.of(2008, 6), 9L, YearMonth.of(2001, 1), 30L);                  // LTR: 39

        FieldReturnRates.Result r = FieldReturnRates.compute("DATA", january, shipped, returned);

        assertThat(r.eri().returns() + r.yrr().returns() + r.ltr().returns()).isEqualTo(355);
        assertThat(r.eri().population() + r.yrr().population() + r.ltr().population()).isEqualTo(186_914);
        assertThat(List.of(r.eri().returns(), r.eri().population())).containsExactly(153L, 57_288L);
        assertThat(List.of(r.yrr().returns(), r.yrr().population())).containsExactly(163L, 99_626L);
        assertThat(List.of(r.ltr().returns(), r.ltr().population())).containsExactly(39L, 30_000L);
        assertThat(round2(r.eri().rate())).isEqualTo(3.20);
        assertThat(round2(r.yrr().rate())).isEqualTo(1.96);
        assertThat(round2(r.ltr().rate())).isEqualTo(1.56);
    }

    private static double round2(double value) {
        return Math.round(value * 100) / 100.0;
    }

    @Test
    void anAgeGroupWithoutPopulationHasNoRate() {
        FieldReturnRates.Result r = FieldReturnRates.compute("POWER", JUNE, Map.of(JUNE.minusMonths(2), 50L), Map.of());
        assertThat(r.eri().rate()).isEqualTo(0.0);
        assertThat(r.yrr().rate()).isNull();
        assertThat(r.ltr().rate()).isNull();
    }
}

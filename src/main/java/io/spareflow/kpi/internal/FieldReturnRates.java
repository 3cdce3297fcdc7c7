package io.spareflow.kpi.internal;

import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/**
 * TL 9000 field-return rates (measurement FR) of one product line for one reporting month. A unit's age is the number
 * of months from the month it was shipped (installed) to the reporting month; the age groups are
 * <ul>
 *   <li>ERI, early return index: units shipped 1–6 months before the reporting month;</li>
 *   <li>YRR, one-year return rate: 7–18 months before;</li>
 *   <li>LTR, long-term return rate: more than 18 months before.</li>
 * </ul>
 * Each rate = returns in the month of units of that age group × 12 (annualised) × 100 (percent) ÷ units of that age
 * group shipped (the population at the end of the prior month). Units shipped in the reporting month itself are in no
 * population yet, but their returns count in ERI, as in the handbook's example 7.1.1 ("shipped during the month or the
 * prior six months"); they are also given apart.
 */
final class FieldReturnRates {

    static final int EARLY_MONTHS = 6;
    static final int ONE_YEAR_MONTHS = 18;

    private FieldReturnRates() {
    }

    /** One age group's figure: {@code rate} = returns × 12 × 100 ÷ population, null without population. */
    record Rate(long returns, long population, Double rate) {
        static Rate of(long returns, long population) {
            return new Rate(returns, population, population == 0 ? null : returns * 12.0 * 100.0 / population);
        }
    }

    record Result(String productLine, YearMonth month, Rate eri, Rate yrr, Rate ltr, long returnsOfUnitsShippedInMonth) {
    }

    /**
     * @param shippedByMonth units shipped per month (months before the reporting month count; later ones are ignored)
     * @param returnsByShipMonth returns during the reporting month, by the month the returned unit was shipped
     */
    static Result compute(String productLine, YearMonth month, Map<YearMonth, Long> shippedByMonth,
                          Map<YearMonth, Long> returnsByShipMonth) {
        long[] population = byAgeGroup(month, shippedByMonth);
        long[] returns = byAgeGroup(month, returnsByShipMonth);
        return new Result(productLine, month, Rate.of(returns[0] + returns[1], population[1]), Rate.of(returns[2], population[2]),
                Rate.of(returns[3], population[3]), returns[0]);
    }

    /** [age 0, ages 1–6, YRR, LTR]; counts of later months (negative age) are dropped. */
    private static long[] byAgeGroup(YearMonth month, Map<YearMonth, Long> counts) {
        long[] groups = new long[4];
        counts.forEach((shipped, count) -> {
            long age = ChronoUnit.MONTHS.between(shipped, month);
            if (age >= 0) {
                groups[age == 0 ? 0 : age <= EARLY_MONTHS ? 1 : age <= ONE_YEAR_MONTHS ? 2 : 3] += count;
            }
        });
        return groups;
    }
}

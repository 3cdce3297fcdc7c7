package io.spareflow.kpi.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

/**
 * The period (whole UTC days, {@code from} and {@code to} included) and the filters of a KPI report; a null filter
 * matches everything. {@code region} is a responsible location's code or a country code.
 */
record KpiFilter(LocalDate from, LocalDate to, String tier, String productLine, String customer, String region) {

    /** Kept short so KPI SQL filters one view the same way everywhere; {@code c} is the kpi_case alias. */
    static final String CASE_FILTER = """
             and (cast(:tier as text) is null or c.tier = :tier)
             and (cast(:productLine as text) is null or c.product_line = :productLine)
             and (cast(:customer as text) is null or c.customer_code = :customer)
             and (cast(:region as text) is null or c.responsible_location = :region or c.region_country = :region)
            """;

    Instant start() {
        return from.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    Instant end() {
        return to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** The calendar months the period touches, oldest first. */
    List<YearMonth> months() {
        List<YearMonth> months = new ArrayList<>();
        for (YearMonth m = YearMonth.from(from); !m.isAfter(YearMonth.from(to)); m = m.plusMonths(1)) {
            months.add(m);
        }
        return months;
    }

    MapSqlParameterSource parameters(Instant now) {
        return new MapSqlParameterSource()
                .addValue("start", java.sql.Timestamp.from(start()))
                .addValue("end", java.sql.Timestamp.from(end()))
                .addValue("now", java.sql.Timestamp.from(now))
                .addValue("tier", tier)
                .addValue("productLine", productLine)
                .addValue("customer", customer)
                .addValue("region", region);
    }
}

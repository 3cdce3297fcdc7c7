package io.spareflow.kpi.internal;

import io.spareflow.part.ProductLine;
import java.sql.Timestamp;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The shipments and returns TL 9000 field-return rates are computed from: the installed base and the cases. */
@Component
@Transactional(readOnly = true)
class FieldReturnQueries {

    private static final String SHIPPED = """
            select product_line, to_char(date_trunc('month', installed_at at time zone 'UTC'), 'YYYY-MM'), count(*)
            from kpi_installation
            where installed_at < :monthStart and (cast(:productLine as text) is null or product_line = :productLine)
            group by 1, 2""";

    /** Cases reported in the month whose faulty board has an installation date: returns by the month it was shipped. */
    private static final String RETURNED = """
            select i.product_line, to_char(date_trunc('month', i.installed_at at time zone 'UTC'), 'YYYY-MM'), count(*)
            from kpi_case c join kpi_installation i on i.serial = c.faulty_serial
            where c.created_at >= :monthStart and c.created_at < :monthEnd and i.installed_at < :monthEnd
              and (cast(:productLine as text) is null or i.product_line = :productLine)
            group by 1, 2""";

    private final NamedParameterJdbcTemplate jdbc;

    FieldReturnQueries(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Every product line (or the one asked for), in the catalogue's order. */
    List<FieldReturnRates.Result> rates(YearMonth month, ProductLine productLine) {
        MapSqlParameterSource p = new MapSqlParameterSource()
                .addValue("monthStart", Timestamp.from(month.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant()))
                .addValue("monthEnd", Timestamp.from(month.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant()))
                .addValue("productLine", productLine == null ? null : productLine.name());
        Map<ProductLine, Map<YearMonth, Long>> shipped = counts(SHIPPED, p);
        Map<ProductLine, Map<YearMonth, Long>> returned = counts(RETURNED, p);
        List<FieldReturnRates.Result> results = new ArrayList<>();
        for (ProductLine line : productLine == null ? List.of(ProductLine.values()) : List.of(productLine)) {
            results.add(FieldReturnRates.compute(line.name(), month, shipped.getOrDefault(line, Map.of()),
                    returned.getOrDefault(line, Map.of())));
        }
        return results;
    }

    private Map<ProductLine, Map<YearMonth, Long>> counts(String sql, MapSqlParameterSource p) {
        Map<ProductLine, Map<YearMonth, Long>> counts = new EnumMap<>(ProductLine.class);
        jdbc.query(sql, p, rs -> {
            counts.computeIfAbsent(ProductLine.valueOf(rs.getString(1)), l -> new HashMap<>())
                    .put(YearMonth.parse(rs.getString(2)), rs.getLong(3));
        });
        return counts;
    }
}

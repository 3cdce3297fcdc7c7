package io.spareflow.kpi.internal;

import io.spareflow.common.InvalidInputException;
import io.spareflow.common.Message;
import io.spareflow.customer.Customers;
import io.spareflow.location.Locations;
import io.spareflow.part.ProductLine;
import io.spareflow.tier.ServiceTiers;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** Reads and checks the period and filters of a KPI request; a wrong value is a 400 that says what would be right. */
@Component
class KpiRequests {

    static final int DEFAULT_DAYS = 30;
    static final int MAX_DAYS = 3 * 366;

    private final ServiceTiers tiers;
    private final Customers customers;
    private final Locations locations;
    private final Clock clock;

    KpiRequests(ServiceTiers tiers, Customers customers, Locations locations, Clock clock) {
        this.tiers = tiers;
        this.customers = customers;
        this.locations = locations;
        this.clock = clock;
    }

    KpiFilter filter(String from, String to, String tier, String productLine, String customer, String region) {
        LocalDate end = to == null || to.isBlank() ? LocalDate.now(clock.withZone(ZoneOffset.UTC)) : date("to", to);
        LocalDate start = from == null || from.isBlank() ? end.minusDays(DEFAULT_DAYS - 1) : date("from", from);
        if (end.isBefore(start)) {
            throw invalid("to", "kpi.error.period-reversed", start, end);
        }
        if (ChronoUnit.DAYS.between(start, end) >= MAX_DAYS) {
            throw invalid("from", "kpi.error.period-too-long", MAX_DAYS);
        }
        return new KpiFilter(start, end, tier(tier), productLine(productLine), customer(customer), region(region));
    }

    YearMonth month(String month) {
        if (month == null || month.isBlank()) {
            return YearMonth.now(clock.withZone(ZoneOffset.UTC)).minusMonths(1);
        }
        try {
            return YearMonth.parse(month.trim());
        } catch (DateTimeParseException e) {
            throw invalid("month", "kpi.error.month", month);
        }
    }

    ProductLine productLineOrNull(String productLine) {
        String name = productLine(productLine);
        return name == null ? null : ProductLine.valueOf(name);
    }

    private LocalDate date(String field, String value) {
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw invalid(field, "kpi.error.date", field, value);
        }
    }

    private String tier(String tier) {
        String name = normalized(tier);
        if (name != null && tiers.find(name).isEmpty()) {
            throw invalid("tier", "kpi.error.tier", tier, tiers.all().stream().map(t -> t.name()).collect(Collectors.joining(", ")));
        }
        return name;
    }

    private String productLine(String productLine) {
        String name = normalized(productLine);
        if (name != null && Arrays.stream(ProductLine.values()).noneMatch(l -> l.name().equals(name))) {
            throw invalid("productLine", "kpi.error.product-line", productLine,
                    Arrays.stream(ProductLine.values()).map(Enum::name).collect(Collectors.joining(", ")));
        }
        return name;
    }

    private String customer(String customer) {
        String code = normalized(customer);
        if (code != null && customers.find(code).isEmpty()) {
            throw invalid("customer", "kpi.error.customer", customer);
        }
        return code;
    }

    private String region(String region) {
        String code = normalized(region);
        if (code != null && !code.matches("[A-Z]{2}") && locations.find(code).isEmpty()) {
            throw invalid("region", "kpi.error.region", region);
        }
        return code;
    }

    private static String normalized(String value) {
        return value == null || value.isBlank() ? null : value.trim().toUpperCase(Locale.ROOT);
    }

    private InvalidInputException invalid(String field, String key, Object... args) {
        return InvalidInputException.field(field, Message.of(key, args));
    }
}

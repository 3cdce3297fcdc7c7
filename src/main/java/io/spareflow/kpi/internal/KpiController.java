package io.spareflow.kpi.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The KPIs of a period (JSON or CSV) and the TL 9000 field-return rates. SUPERVISOR, ADMIN and QUALITY may read them. */
@RestController
@Tag(name = "KPIs", description = "SLA compliance, DPMO and sigma, fill rate, turnaround, NFF, returns, satisfaction, TL 9000 field returns")
class KpiController {

    private final KpiRequests requests;
    private final KpiQueries kpis;
    private final FieldReturnQueries fieldReturns;

    KpiController(KpiRequests requests, KpiQueries kpis, FieldReturnQueries fieldReturns) {
        this.requests = requests;
        this.kpis = kpis;
        this.fieldReturns = fieldReturns;
    }

    @GetMapping(value = "/api/kpis", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Every KPI of a period (default: the last 30 days, UTC days, both ends included), each with its numerator and denominator")
    KpiReport report(@Parameter(description = "first day, YYYY-MM-DD") @RequestParam(required = false) String from,
                     @Parameter(description = "last day, YYYY-MM-DD") @RequestParam(required = false) String to,
                     @RequestParam(required = false) String tier, @RequestParam(required = false) String productLine,
                     @RequestParam(required = false) String customer,
                     @Parameter(description = "responsible location code or country code") @RequestParam(required = false) String region) {
        return kpis.report(requests.filter(from, to, tier, productLine, customer, region));
    }

    @GetMapping(value = "/api/kpis", produces = KpiCsv.MEDIA_TYPE)
    @Operation(summary = "The same KPIs as CSV (Accept: text/csv)")
    ResponseEntity<String> reportCsv(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                                     @RequestParam(required = false) String tier, @RequestParam(required = false) String productLine,
                                     @RequestParam(required = false) String customer, @RequestParam(required = false) String region) {
        KpiFilter filter = requests.filter(from, to, tier, productLine, customer, region);
        return KpiCsv.download("kpis-" + filter.from() + "-" + filter.to() + ".csv", KpiCsv.of(kpis.report(filter)));
    }

    @GetMapping("/api/kpis.csv")
    @Operation(summary = "The same KPIs as CSV")
    ResponseEntity<String> reportCsvFile(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                                         @RequestParam(required = false) String tier, @RequestParam(required = false) String productLine,
                                         @RequestParam(required = false) String customer, @RequestParam(required = false) String region) {
        return reportCsv(from, to, tier, productLine, customer, region);
    }

    @GetMapping(value = "/api/kpis/field-returns", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "TL 9000 field-return rates ERI, YRR, LTR of a month (default: the last full month) per product line")
    List<FieldReturnRates.Result> fieldReturns(@Parameter(description = "YYYY-MM") @RequestParam(required = false) String month,
                                               @RequestParam(required = false) String productLine) {
        return fieldReturns.rates(requests.month(month), requests.productLineOrNull(productLine));
    }

    @GetMapping(value = "/api/kpis/field-returns", produces = KpiCsv.MEDIA_TYPE)
    @Operation(summary = "The same field-return rates as CSV (Accept: text/csv)")
    ResponseEntity<String> fieldReturnsCsv(@RequestParam(required = false) String month, @RequestParam(required = false) String productLine) {
        var results = fieldReturns(month, productLine);
        return KpiCsv.download("field-returns-" + results.get(0).month() + ".csv", KpiCsv.of(results));
    }

    @GetMapping("/api/kpis/field-returns.csv")
    @Operation(summary = "The same field-return rates as CSV")
    ResponseEntity<String> fieldReturnsCsvFile(@RequestParam(required = false) String month, @RequestParam(required = false) String productLine) {
        return fieldReturnsCsv(month, productLine);
    }
}

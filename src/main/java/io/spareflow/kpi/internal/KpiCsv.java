package io.spareflow.kpi.internal;

import io.spareflow.kpi.internal.KpiReport.Durations;
import io.spareflow.kpi.internal.KpiReport.Month;
import io.spareflow.kpi.internal.KpiReport.StepCompliance;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import java.util.Locale;

/**
 * The KPI report and field-return rates as CSV (RFC 4180): one row per figure with its numerator and denominator, so a
 * spreadsheet can recompute every value.
 */
final class KpiCsv {

    static final String MEDIA_TYPE = "text/csv";

    private KpiCsv() {
    }

    /** A CSV answer that browsers save under {@code filename}. */
    static ResponseEntity<String> download(String filename, String body) {
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + filename + "\"")
                .body(body);
    }

    static String of(KpiReport r) {
        StringBuilder csv = new StringBuilder("figure,item,month,numerator,denominator,value\n");
        for (StepCompliance s : r.slaCompliance()) {
            step(csv, "", s);
        }
        row(csv, "dpmo", "all", "", r.dpmo().defects(), r.dpmo().opportunities(), r.dpmo().value());
        row(csv, "sigmaLevel", "all", "", r.dpmo().defects(), r.dpmo().opportunities(), r.sigmaLevel());
        row(csv, "fillRate", "firstAttemptFromStock", "", r.fillRate().numerator(), r.fillRate().denominator(), r.fillRate().percent());
        row(csv, "fillRate", "meanBackorderHours", "", r.fillRate().backorderHours(), r.fillRate().backordersServed(),
                r.fillRate().meanBackorderHours());
        durations(csv, "spareOnSite", r.spareOnSite());
        durations(csv, "repairTurnaround", r.repairTurnaround());
        r.legs().forEach(l -> durations(csv, "legs." + l.leg().name(), l.durations()));
        row(csv, "nffRate", "NFF", "", r.nffRate().numerator(), r.nffRate().denominator(), r.nffRate().percent());
        row(csv, "nffRate", "SCRAPPED", "", r.nffRate().scrapRate().numerator(), r.nffRate().scrapRate().denominator(),
                r.nffRate().scrapRate().percent());
        r.nffRate().repeatNff().forEach(u -> row(csv, "repeatNff", u.serial() + " " + u.caseNumber(), "", 1, 1, null));
        var d = r.defectiveReturn();
        row(csv, "defectiveReturn", "returnedInTime", "", d.returnedInTime(), d.returnedInTime() + d.overdue(), d.percent());
        d.chargeFlaggedCases().forEach(c -> row(csv, "chargeFlagged", c.caseNumber() + " " + c.customerCode(), "", 1, 1, null));
        row(csv, "firstOwnerClosure", "all", "", r.firstOwnerClosure().numerator(), r.firstOwnerClosure().denominator(),
                r.firstOwnerClosure().percent());
        var s = r.satisfaction();
        row(csv, "satisfaction", "responseRate", "", s.responseRate().numerator(), s.responseRate().denominator(), s.responseRate().percent());
        row(csv, "satisfaction", "meanScore", "", s.scoreSum(), s.responses(), s.meanScore());
        row(csv, "satisfaction", "satisfied", "", s.satisfied().numerator(), s.satisfied().denominator(), s.satisfied().percent());
        for (Month m : r.monthly()) {
            m.slaCompliance().forEach(step -> step(csv, m.month(), step));
            row(csv, "sigmaLevel", "all", m.month(), m.dpmo().defects(), m.dpmo().opportunities(), m.sigmaLevel());
            row(csv, "fillRate", "firstAttemptFromStock", m.month(), m.fillRate().numerator(), m.fillRate().denominator(), m.fillRate().percent());
            row(csv, "nffRate", "NFF", m.month(), m.nffRate().numerator(), m.nffRate().denominator(), m.nffRate().percent());
            row(csv, "satisfaction", "satisfied", m.month(), m.satisfaction().satisfied().numerator(),
                    m.satisfaction().satisfied().denominator(), m.satisfaction().satisfied().percent());
        }
        return csv.toString();
    }

    static String of(List<FieldReturnRates.Result> results) {
        StringBuilder csv = new StringBuilder("productLine,month,measure,returns,population,rate\n");
        for (FieldReturnRates.Result r : results) {
            rate(csv, r, "ERI", r.eri());
            rate(csv, r, "YRR", r.yrr());
            rate(csv, r, "LTR", r.ltr());
        }
        return csv.toString();
    }

    private static void rate(StringBuilder csv, FieldReturnRates.Result r, String measure, FieldReturnRates.Rate rate) {
        csv.append(r.productLine()).append(',').append(r.month()).append(',').append(measure).append(',')
                .append(rate.returns()).append(',').append(rate.population()).append(',').append(number(rate.rate())).append('\n');
    }

    private static void step(StringBuilder csv, String month, StepCompliance s) {
        row(csv, "slaCompliance", s.step(), month, s.met(), s.met() + s.breached(), s.percent());
        row(csv, "dpmo", s.step(), month, s.dpmo().defects(), s.dpmo().opportunities(), s.dpmo().value());
    }

    private static void durations(StringBuilder csv, String figure, Durations d) {
        row(csv, figure, "meanHours", "", d.totalHours(), d.count(), d.meanHours());
        row(csv, figure, "medianHours", "", null, d.count(), d.medianHours());
        row(csv, figure, "p90Hours", "", null, d.count(), d.p90Hours());
    }

    private static void row(StringBuilder csv, String figure, String item, String month, Number numerator, Number denominator,
                            Double value) {
        csv.append(figure).append(',').append(quoted(item)).append(',').append(month).append(',')
                .append(numerator == null ? "" : number(numerator.doubleValue())).append(',')
                .append(denominator == null ? "" : number(denominator.doubleValue())).append(',')
                .append(number(value)).append('\n');
    }

    private static String number(Double value) {
        if (value == null) {
            return "";
        }
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString(value.longValue())
                : String.format(Locale.ROOT, "%.4f", value);
    }

    private static String quoted(String value) {
        return value.contains(",") || value.contains("\"") ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }
}

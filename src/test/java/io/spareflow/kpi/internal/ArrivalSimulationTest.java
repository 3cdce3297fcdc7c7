package io.spareflow.kpi.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.spareflow.common.Csv;
import io.spareflow.common.GeoPoint;
import io.spareflow.kpi.AlertDimension;
import io.spareflow.part.ProductLine;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Early warning on simulated traffic, pure computation (no clock, no database): Poisson arrivals at the demo rate,
 * spread over the demo customers' sites (region = the depot nearest to the site, as a case's responsible location) and
 * the product lines, judged day by day by the same {@link ArrivalControl} the service uses with its default settings.
 * The service also checks the current day as it fills up; counts only grow, so that alarms earlier but never more often.
 */
class ArrivalSimulationTest {

    /** The demo history's arrival rate (see demo/DemoHistory), over the whole network. */
    static final double DEMO_CASES_PER_DAY = 60;
    private static final ArrivalControl CONTROL = new ArrivalControl(new ArrivalControl.Settings(28, 1.0));
    private static final int WARM_UP_DAYS = CONTROL.intervalsNeeded();

    private record Site(String customer, String region) {
    }

    private record Series(AlertDimension dimension, String name) {
    }

    /** Runs the service's decision rule over the simulated days and remembers each alert's opening and closing. */
    private static final class Watch {
        final Map<Series, List<Long>> days = new HashMap<>();
        final Set<Series> open = new HashSet<>();
        final List<String> opened = new ArrayList<>();
        final List<String> closed = new ArrayList<>();

        void day(int day, Map<Series, Long> arrivals) {
            Set<Series> all = new HashSet<>(days.keySet());
            all.addAll(arrivals.keySet());
            for (Series s : all) {
                List<Long> history = days.computeIfAbsent(s, x -> new ArrayList<>(java.util.Collections.nCopies(day, 0L)));
                long today = arrivals.getOrDefault(s, 0L);
                if (day >= WARM_UP_DAYS) {
                    long[] complete = history.subList(history.size() - CONTROL.intervalsNeeded(), history.size())
                            .stream().mapToLong(Long::longValue).toArray();
                    ArrivalControl.Assessment a = CONTROL.assess(complete, (int) today);
                    switch (ArrivalControl.change(a, open.contains(s))) {
                        case OPEN -> {
                            open.add(s);
                            opened.add(day + " " + s.dimension() + " " + s.name());
                        }
                        case CLOSE -> {
                            open.remove(s);
                            closed.add(day + " " + s.dimension() + " " + s.name());
                        }
                        default -> { }
                    }
                }
                history.add(today);
            }
        }
    }

    @Test
    void normalTrafficRaisesAtMostOneFalseAlarmPerWeek() throws IOException {
        List<Site> sites = demoSites();
        int weeks = 26;
        Watch watch = new Watch();
        Random random = new Random(20261201L);
        for (int day = 0; day < WARM_UP_DAYS + weeks * 7; day++) {
            watch.day(day, arrivals(random, sites, DEMO_CASES_PER_DAY, null, 0));
        }
        System.out.printf("Early warning, %d simulated weeks at %.0f cases/day over %d series: %d false alarms %s%n",
                weeks, DEMO_CASES_PER_DAY, watch.days.size(), watch.opened.size(), watch.opened);
        assertThat(watch.days.keySet().stream().map(Series::dimension)).contains(AlertDimension.values());
        assertThat(watch.opened.size()).as("false alarms in %d weeks: %s", weeks, watch.opened).isLessThanOrEqualTo(weeks);
    }

    @Test
    void aThreefoldSurgeInOneProductLineIsAlertedWithinTwoIntervalsAndTheAlertClosesAfterIt() throws IOException {
        List<Site> sites = demoSites();
        int surgeDays = 3;
        int trials = 0;
        int detected = 0;
        for (long seed = 1; seed <= 40; seed++) {
            for (ProductLine line : ProductLine.values()) {
                Random random = new Random(seed * 31 + line.ordinal());
                Watch watch = new Watch();
                int start = WARM_UP_DAYS + 7;
                for (int day = 0; day < start + surgeDays + 3; day++) {
                    boolean surge = day >= start && day < start + surgeDays;
                    watch.day(day, arrivals(random, sites, DEMO_CASES_PER_DAY, line, surge ? 3 : 1));
                }
                Series series = new Series(AlertDimension.PRODUCT_LINE, line.name());
                Integer openedOn = dayOf(watch.opened, series);
                Integer closedOn = dayOf(watch.closed, series);
                trials++;
                boolean inTime = openedOn != null && openedOn >= start && openedOn <= start + 1;
                if (inTime) {
                    detected++;
                }
                if (seed == 1) {
                    assertThat(inTime).as("%s surge from day %d: alerts %s", line, start, watch.opened).isTrue();
                    assertThat(closedOn).as("%s alert closes after the surge (ended day %d)", line, start + surgeDays)
                            .isNotNull().isBetween(start + surgeDays, start + surgeDays + 2);
                }
            }
        }
        System.out.printf("Early warning, 3x surge in one product line: %d of %d alerted within two intervals%n", detected, trials);
        assertThat((double) detected / trials).isGreaterThanOrEqualTo(0.98);
    }

    @Test
    void limitsAreExactPoissonProbabilityLimits() {
        // P(X > 21 | 10) = 0.00070 <= 0.00135 < P(X > 20 | 10) = 0.00159
        assertThat(ArrivalControl.upperLimit(10)).isEqualTo(21);
        // a quiet series: the floor of one case per interval allows five
        assertThat(ArrivalControl.upperLimit(1)).isEqualTo(5);
        assertThat(ArrivalControl.upperLimit(1000)).isEqualTo((int) Math.floor(1000 + 3 * Math.sqrt(1000)));
        long[] flat = new long[29];
        Arrays.fill(flat, 10);
        assertThat(CONTROL.assess(flat, 22).above()).isTrue();
        assertThat(CONTROL.assess(flat, 21).above()).isFalse();
        long[] quiet = new long[29];
        assertThat(CONTROL.assess(quiet, 1).above()).as("a first case in a new series is no alarm").isFalse();
    }

    private static Integer dayOf(List<String> events, Series series) {
        return events.stream().filter(e -> e.endsWith(" " + series.dimension() + " " + series.name()))
                .map(e -> Integer.parseInt(e.substring(0, e.indexOf(' ')))).findFirst().orElse(null);
    }

    /** One day's arrivals; with a surge, {@code surgeLine} gets {@code factor} times its normal share. */
    private static Map<Series, Long> arrivals(Random random, List<Site> sites, double perDay, ProductLine surgeLine, int factor) {
        Map<Series, Long> counts = new HashMap<>();
        ProductLine[] lines = ProductLine.values();
        int normal = poisson(random, perDay);
        int extra = surgeLine == null ? 0 : poisson(random, perDay / lines.length * (factor - 1));
        for (int i = 0; i < normal + extra; i++) {
            Site site = sites.get(random.nextInt(sites.size()));
            ProductLine line = i < normal ? lines[random.nextInt(lines.length)] : surgeLine;
            counts.merge(new Series(AlertDimension.PRODUCT_LINE, line.name()), 1L, Long::sum);
            counts.merge(new Series(AlertDimension.REGION, site.region()), 1L, Long::sum);
            counts.merge(new Series(AlertDimension.CUSTOMER, site.customer()), 1L, Long::sum);
        }
        return counts;
    }

    /** Knuth's method: fine for the means here (e^-60 is far from underflow). */
    private static int poisson(Random random, double mean) {
        double limit = Math.exp(-mean);
        double product = random.nextDouble();
        int k = 0;
        while (product > limit) {
            product *= random.nextDouble();
            k++;
        }
        return k;
    }

    private static List<Site> demoSites() throws IOException {
        List<Csv.Row> depots = new ArrayList<>();
        try (InputStream in = ArrivalSimulationTest.class.getResourceAsStream("/data/locations.csv")) {
            Csv.read(in).stream().filter(r -> r.get("type").endsWith("_DEPOT")).forEach(depots::add);
        }
        List<Site> sites = new ArrayList<>();
        try (InputStream in = ArrivalSimulationTest.class.getResourceAsStream("/data/demo-customers.csv")) {
            for (Csv.Row row : Csv.read(in)) {
                GeoPoint site = new GeoPoint(Double.parseDouble(row.get("latitude")), Double.parseDouble(row.get("longitude")));
                String region = depots.stream().min(Comparator.comparingDouble(d -> point(d).distanceKmTo(site)))
                        .orElseThrow().get("code");
                sites.add(new Site(row.get("customer"), region));
            }
        }
        return sites;
    }

    private static GeoPoint point(Csv.Row location) {
        return new GeoPoint(Double.parseDouble(location.get("latitude")), Double.parseDouble(location.get("longitude")));
    }
}

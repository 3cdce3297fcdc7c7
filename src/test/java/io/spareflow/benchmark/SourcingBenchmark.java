package io.spareflow.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import io.spareflow.SpareflowIntegrationTest;
import io.spareflow.board.BoardStatus;
import io.spareflow.board.Boards;
import io.spareflow.board.NewBoard;
import io.spareflow.customer.CustomerInfo;
import io.spareflow.customer.Customers;
import io.spareflow.customer.SiteInfo;
import io.spareflow.location.LocationInfo;
import io.spareflow.location.LocationType;
import io.spareflow.location.Locations;
import io.spareflow.part.PartInfo;
import io.spareflow.part.Parts;
import io.spareflow.sourcing.ReservationOutcome;
import io.spareflow.sourcing.SpareSourcing;
import io.spareflow.sourcing.internal.Quotes;
import io.spareflow.tier.ServiceTiers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntConsumer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Quote and reservation latency (p50/p99) and throughput, single-threaded and with concurrent clients, as the network
 * grows: the demo data (122 depots, 6,000 boards), + 1,000,000 boards on the same depots, then 2,000 depots with
 * another 1,000,000 boards spread over all of them. Measured at the service (what the case lifecycle calls), without
 * HTTP and its per-request password check. Run (about 10 minutes on 2 cores):
 * <pre>mvn -B test -Dtest=SourcingBenchmark -Dsurefire.failIfNoSpecifiedTests=false</pre>
 * Prints a Markdown table and writes it to target/sourcing-benchmark.md; method and figures in docs/performance.md.
 */
@SpareflowIntegrationTest
class SourcingBenchmark {

    private static final int BOARDS_PER_STAGE = 1_000_000;
    private static final int CHUNK = 100_000;
    private static final int QUOTES = 2_000;
    private static final int RESERVATIONS = 1_000;
    private static final int CLIENTS = 8;

    @Autowired
    Quotes quotes;
    @Autowired
    SpareSourcing sourcing;
    @Autowired
    Boards boards;
    @Autowired
    Locations locations;
    @Autowired
    Parts parts;
    @Autowired
    Customers customers;
    @Autowired
    ServiceTiers tiers;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate transactions;

    private final Random random = new Random(42);
    private final AtomicLong cases = new AtomicLong();
    private final StringBuilder report = new StringBuilder();
    private List<PartInfo> catalogue;
    private List<SiteInfo> sites;

    @Test
    void quoteAndReservationLatencyAsDepotsAndBoardsGrow() throws Exception {
        catalogue = parts.all().stream().filter(p -> !p.partNumber().startsWith("TS-")).toList();
        sites = customers.all().stream()
                .filter(c -> c.tier() != null && tiers.require(c.tier()).advanceExchange())
                .map(CustomerInfo::sites).flatMap(List::stream).toList();
        report.append("| depots | boards (AVAILABLE) | operation | clients | calls | p50 ms | p99 ms | calls/s |\n")
                .append("|---:|---:|---|---:|---:|---:|---:|---:|\n");

        measureStage();
        addBoards(locations.depots(), BOARDS_PER_STAGE);
        measureStage();
        addSyntheticDepots(2_000 - locations.depots().size());
        addBoards(locations.depots(), BOARDS_PER_STAGE);
        measureStage();

        String plan = String.join("\n", jdbc.queryForList("""
                explain (analyze, buffers) select location_code, part_number, count(*) from board
                where part_number = any (?) and status = 'AVAILABLE' and location_code is not null
                group by location_code, part_number""", String.class,
                (Object) new String[]{catalogue.get(0).partNumber(), catalogue.get(1).partNumber()}));
        report.append("\nStock query plan (two compatible parts, ").append(locations.depots().size()).append(" depots):\n\n```\n")
                .append(plan).append("\n```\n");
        System.out.println(report);
        Files.writeString(Path.of("target/sourcing-benchmark.md"), report);
        assertThat(plan).contains("board_stock_idx");
    }

    private void measureStage() throws Exception {
        jdbc.execute("vacuum analyze board");
        int depots = locations.depots().size();
        long available = boards.countByStatus(BoardStatus.AVAILABLE);
        for (int clients : new int[]{1, CLIENTS}) {
            row(depots, available, "quote", clients, QUOTES * (clients == 1 ? 1 : 2), i -> quotes.quote(
                    randomPart(), randomSite().id(), null, null, null));
        }
        for (int clients : new int[]{1, CLIENTS}) {
            row(depots, available, "reserve", clients, RESERVATIONS * (clients == 1 ? 1 : 2), i -> {
                ReservationOutcome outcome = sourcing.reserve(randomPart(), randomSite().id(), "BENCH-" + cases.incrementAndGet(), 1);
                assertThat(outcome.backorder()).isFalse();
            });
        }
    }

    private void row(int depots, long available, String operation, int clients, int calls, IntConsumer call) throws Exception {
        for (int i = 0; i < 50; i++) {
            call.accept(i); // warm-up: JIT, caches, connection pool
        }
        long[] latencies = new long[calls];
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long started = System.nanoTime();
        List<Future<?>> done = new ArrayList<>();
        for (int i = 0; i < calls; i++) {
            int index = i;
            done.add(pool.submit(() -> {
                long t0 = System.nanoTime();
                call.accept(index);
                latencies[index] = System.nanoTime() - t0;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        pool.shutdown();
        Arrays.sort(latencies);
        String line = String.format(Locale.ROOT, "| %,d | %,d | %s | %d | %,d | %.1f | %.1f | %.0f |%n", depots, available,
                operation, clients, calls, latencies[calls / 2] / 1e6, latencies[(int) (calls * 0.99)] / 1e6, calls / seconds);
        report.append(line);
        System.out.print(line);
    }

    private String randomPart() {
        synchronized (random) {
            return catalogue.get(random.nextInt(catalogue.size())).partNumber();
        }
    }

    private SiteInfo randomSite() {
        synchronized (random) {
            return sites.get(random.nextInt(sites.size()));
        }
    }

    private void addBoards(List<LocationInfo> depots, int count) {
        for (int written = 0; written < count; written += CHUNK) {
            List<NewBoard> chunk = new ArrayList<>(CHUNK);
            int base = written;
            for (int i = 0; i < Math.min(CHUNK, count - written); i++) {
                PartInfo part = catalogue.get(random.nextInt(catalogue.size()));
                LocationInfo depot = depots.get(random.nextInt(depots.size()));
                chunk.add(new NewBoard(String.format("BX%d%09d", depots.size(), base + i), part.partNumber(),
                        part.revision(), BoardStatus.AVAILABLE, depot.code(), null));
            }
            transactions.executeWithoutResult(tx -> boards.registerAll(chunk));
        }
    }

    /** Like the demo generator: near a real depot, so distances and time zones stay plausible. */
    private void addSyntheticDepots(int missing) {
        List<LocationInfo> real = locations.depots();
        List<LocationInfo> synthetic = new ArrayList<>();
        for (int i = 1; i <= missing; i++) {
            LocationInfo anchor = real.get(random.nextInt(real.size()));
            double lat = Math.max(-89, Math.min(89, anchor.latitude() + (random.nextDouble() - 0.5) * 5));
            double lon = Math.max(-179, Math.min(179, anchor.longitude() + (random.nextDouble() - 0.5) * 5));
            synthetic.add(new LocationInfo(String.format("BD%04d", i), "Benchmark depot " + i,
                    anchor.type() == LocationType.OFFICE_DEPOT ? LocationType.OFFICE_DEPOT : LocationType.OVERSEAS_DEPOT,
                    anchor.city() + " area", anchor.country(), lat, lon, anchor.timeZone(), anchor.businessHours(),
                    anchor.handlingMinutes()));
        }
        transactions.executeWithoutResult(tx -> locations.registerAll(synthetic));
    }
}

package io.spareflow.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import io.spareflow.SpareflowIntegrationTest;
import io.spareflow.board.BoardStatus;
import io.spareflow.board.Boards;
import io.spareflow.board.Stock;
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
import io.spareflow.sourcing.internal.RankingProbe;
import io.spareflow.tier.ServiceTier;
import io.spareflow.tier.ServiceTiers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Quote and reservation latency (p50/p99) and throughput, single-threaded and with concurrent clients, as the network
 * grows: the demo data (122 depots, 6,000 boards), then 100,000 and 1,000,000 boards on the same depots, then 2,000
 * depots with 2,000,000 boards. Beside each stage, in the same run, the stock read a quote does (one summary row per
 * depot and part, {@code board_stock}) against the count of boards quotes did before it, and the ranking of a quote on
 * its own: every depot with stock (before the distance pre-filter) against the nearest ones. Measured at the service
 * (what the case lifecycle calls), without HTTP; the load average beside each row. Boards are generated with
 * set-based SQL (seconds per million). Run (calls per row: {@code -Dbenchmark.quotes}, {@code .reservations},
 * {@code .reads}):
 * <pre>mvn -B test -Pbenchmark -Dtest=SourcingBenchmark</pre>
 * Prints a Markdown table and writes it to target/benchmark/sourcing.md; method and figures in docs/performance.md.
 */
@SpareflowIntegrationTest
@Import(StatementCounting.class)
class SourcingBenchmark {

    private static final int QUOTES = Integer.getInteger("benchmark.quotes", 2_000);
    private static final int RESERVATIONS = Integer.getInteger("benchmark.reservations", 1_000);
    private static final int STOCK_READS = Integer.getInteger("benchmark.reads", 500);
    /** The client counts of the quote and reservation rows: {@code -Dbenchmark.clients=1}. */
    private static final int[] CLIENTS = Arrays.stream(System.getProperty("benchmark.clients", "1,8").split(","))
            .mapToInt(Integer::parseInt).toArray();
    /**
     * The stages measured (6k, 100k, 1M, 2M; the data of every stage up to the last one measured is still built):
     * {@code -Dbenchmark.stages=1M,2M}.
     */
    private static final List<String> STAGES = List.of(System.getProperty("benchmark.stages", "6k,100k,1M,2M").split(","));
    /**
     * The rows measured per stage: {@code -Dbenchmark.operations=quote,reserve} (also: stock, ranking, and lock: a
     * reservation's first step alone, both ways). Beside the reservation rows, its statements and what it writes (WAL,
     * rows of each table, HOT updates).
     */
    private static final List<String> OPERATIONS = List.of(System.getProperty("benchmark.operations", "stock,ranking,quote,lock,reserve").split(","));
    /** Calls before an alternated row's timed ones (JIT, caches, connection pool): {@code -Dbenchmark.warmup}. */
    private static final int WARM_UP = Integer.getInteger("benchmark.warmup", 100);
    /** Reservations each way over which {@link #writes} measures WAL and rows. */
    private static final int WRITES_MEASURED = 200;
    private static final String COUNTED_STOCK = """
            select location_code, part_number, count(*) from board
            where part_number = any (?) and status = 'AVAILABLE' and location_code is not null
            group by location_code, part_number""";
    private static final String SUMMARY_STOCK = """
            select location_code, part_number, available from board_stock
            where part_number = any (?) and available > 0""";

    @Autowired
    Quotes quotes;
    @Autowired
    SpareSourcing sourcing;
    @Autowired
    Boards boards;
    @Autowired
    Stock stock;
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
    @Autowired
    ApplicationContext context;

    private final Random random = new Random(42);
    private final AtomicLong cases = new AtomicLong();
    private final StringBuilder report = new StringBuilder();
    private final StringBuilder writeNotes = new StringBuilder();
    private final StringBuilder tails = new StringBuilder();
    private List<PartInfo> catalogue;
    private List<SiteInfo> sites;

    @Test
    void quoteAndReservationLatencyAsDepotsAndBoardsGrow() throws Exception {
        // The statement counter's proxies only while one reservation is recorded: they are not part of a latency.
        StatementCounter.counting(false);
        catalogue = parts.all().stream().filter(p -> !p.partNumber().startsWith("TS-")).toList();
        sites = customers.all().stream()
                .filter(c -> c.tier() != null && tiers.require(c.tier()).advanceExchange())
                .map(CustomerInfo::sites).flatMap(List::stream).toList();
        report.append("| depots | boards | AVAILABLE | operation | clients | calls | p50 ms | p99 ms | calls/s | load |\n")
                .append("|---:|---:|---:|---|---:|---:|---:|---:|---:|---|\n");

        measureStage("6k");
        if (STAGES.stream().anyMatch(stage -> !stage.equals("6k"))) {
            addBoards(100_000 - boards.count());
            measureStage("100k");
        }
        if (STAGES.contains("1M") || STAGES.contains("2M")) {
            addBoards(1_000_000 - boards.count());
            measureStage("1M");
        }
        if (STAGES.contains("2M")) {
            addSyntheticDepots(2_000 - locations.depots().size());
            addBoards(2_000_000 - boards.count());
            measureStage("2M");
        }

        report.append(writeNotes).append(tails);
        String[] twoParts = {catalogue.get(0).partNumber(), catalogue.get(1).partNumber()};
        String summaryPlan = plan(SUMMARY_STOCK, twoParts);
        report.append("\nSummary read plan (two compatible parts, ").append(locations.depots().size())
                .append(" depots):\n\n```\n").append(summaryPlan).append("\n```\n\nCounting plan (before V150):\n\n```\n")
                .append(plan(COUNTED_STOCK, twoParts)).append("\n```\n");
        assertThat(stock.drift()).as("summary equals the boards after the run").isEmpty();
        StatementCounter.counting(true);
        System.out.println(report);
        Files.createDirectories(Path.of("target/benchmark"));
        Files.writeString(Path.of("target/benchmark/sourcing.md"), report);
        assertThat(summaryPlan).contains("board_stock_pkey");
    }

    private String plan(String query, String[] partNumbers) {
        return String.join("\n", jdbc.queryForList("explain (analyze, buffers) " + query, String.class, (Object) partNumbers));
    }

    private void measureStage(String stage) throws Exception {
        if (!STAGES.contains(stage)) {
            return;
        }
        jdbc.execute("vacuum analyze board");
        jdbc.execute("vacuum analyze board_stock");
        int depots = locations.depots().size();
        long total = boards.count();
        long available = boards.countByStatus(BoardStatus.AVAILABLE);
        for (String[] read : !OPERATIONS.contains("stock") ? new String[0][] : new String[][]{{"stock read: count boards (before)", COUNTED_STOCK},
                {"stock read: summary rows", SUMMARY_STOCK}}) {
            row(depots, total, available, read[0], 1, STOCK_READS, i -> jdbc.query(read[1], rs -> { },
                    (Object) compatibleParts(randomPart())));
        }
        RankingProbe ranking = RankingProbe.of(context);
        if (OPERATIONS.contains("ranking")) {
            row(depots, total, available, "ranking: every depot (before)", 1, QUOTES, i -> {
                SiteInfo site = randomSite();
                ranking.everyDepot(parts.replacementsFor(randomPart()), site, contractTier(site));
            });
            row(depots, total, available, "ranking: nearest depots (pre-filter)", 1, QUOTES, i -> {
                SiteInfo site = randomSite();
                ranking.nearest(parts.replacementsFor(randomPart()), site, contractTier(site));
            });
        }
        IntConsumer quote = i -> quotes.quote(randomPart(), randomSite().id(), null, null, null);
        IntConsumer reserve = i -> {
            ReservationOutcome outcome = sourcing.reserve(randomPart(), randomSite().id(), "BENCH-" + cases.incrementAndGet(), 1);
            assertThat(outcome.backorder()).isFalse();
        };
        for (int clients : !OPERATIONS.contains("quote") ? new int[0] : CLIENTS) {
            if (clients == 1) {
                alternated(depots, total, available, "quote", " (master data read per call, before)", QUOTES,
                        before -> ranking.keepMasterData(!before), quote);
            } else {
                row(depots, total, available, "quote", clients, QUOTES * 2, quote);
            }
        }
        if (OPERATIONS.contains("lock")) {
            boolean[] asBefore = {false};
            alternated(depots, total, available, "reserve's first step: line lock and open-request check",
                    " (two statements: before)", RESERVATIONS, before -> asBefore[0] = before,
                    i -> transactions.executeWithoutResult(tx -> assertThat(ranking.lockLine(
                            "BENCH-" + cases.incrementAndGet(), 1, asBefore[0])).isFalse()));
        }
        for (int clients : !OPERATIONS.contains("reserve") ? new int[0] : CLIENTS) {
            if (clients == 1) {
                writes(reserve);
                explainWrites();
                alternated(depots, total, available, "reserve", "", RESERVATIONS, null, reserve);
            } else {
                row(depots, total, available, "reserve", clients, RESERVATIONS * 2, reserve);
            }
        }
    }

    /**
     * One client, {@code calls} calls each way alternated call by call: the code as it was ({@code before} switched
     * on, the row labelled {@code beforeLabel}) and as it is, so both see the same load and the same caches of the
     * database; {@code before} null: {@code calls} calls of the code as it is. Beside the rows, what the calls of each
     * way were made of ({@link CallCosts}).
     */
    private void alternated(int depots, long total, long available, String operation, String beforeLabel, int calls,
                            Consumer<Boolean> before, IntConsumer call) {
        Consumer<Boolean> switched = before == null ? on -> { } : before;
        int ways = before == null ? 1 : 2;
        long[][] latencies = new long[ways][calls];
        long postmaster = CallCosts.postmasterPid(jdbc);
        CallCosts[] costs = new CallCosts[ways];
        Arrays.setAll(costs, way -> new CallCosts(postmaster, calls));
        try {
            for (int i = 0; i < WARM_UP; i++) {
                switched.accept(ways == 2 && i % 2 == 0);
                call.accept(i); // warm-up: JIT, caches, connection pool
            }
            String loadBefore = MachineLoad.now();
            long[] spent = new long[ways];
            for (int i = 0; i < ways * calls; i++) {
                int way = i % ways;
                boolean asBefore = ways == 2 && way == 0;
                switched.accept(asBefore);
                costs[way].before();
                long t0 = System.nanoTime();
                call.accept(i);
                long took = System.nanoTime() - t0;
                costs[way].after(i / ways, took);
                latencies[way][i / ways] = took;
                spent[way] += took;
            }
            String load = loadBefore + " → " + MachineLoad.now();
            tails.append("\nWhat the ").append(operation).append(" calls at ").append(String.format(Locale.ROOT, "%,d", total))
                    .append(" boards / ").append(depots).append(" depots were made of (averages per call, load ")
                    .append(load).append("):\n\n").append(CallCosts.header());
            for (int way = 0; way < ways; way++) {
                Arrays.sort(latencies[way]);
                String label = operation + (ways == 2 && way == 0 ? beforeLabel : "");
                print(depots, total, available, label, 1, calls, latencies[way], calls / (spent[way] / 1e9), load);
                tails.append(costs[way].bands(label));
            }
        } finally {
            switched.accept(false);
        }
    }

    /**
     * What one reservation runs and writes: its statements, and over {@code WRITES_MEASURED} reservations the WAL per
     * reservation and the rows it inserts and updates per table (HOT: updated in place, without new index entries).
     * Appended to the report below the table.
     */
    private void writes(IntConsumer reserve) throws InterruptedException {
        StringBuilder notes = new StringBuilder();
        // The same part and site as a call just before: what a first call reads (master data) is not its cost.
        String part = randomPart();
        long site = randomSite().id();
        IntConsumer again = i -> sourcing.reserve(part, site, "BENCH-" + cases.incrementAndGet(), 1);
        again.accept(0);
        List<String> statements;
        try {
            StatementCounter.counting(true);
            statements = StatementCounter.record(() -> again.accept(0));
        } finally {
            StatementCounter.counting(false);
        }
        notes.append("\nOne reservation, ").append(statements.size()).append(" statements:\n\n```\n");
        statements.forEach(sql -> notes.append(sql.replaceAll("\\s+", " ").trim()).append('\n'));
        notes.append("```\n\n");
        Map<String, long[]> tuplesBefore = tupleCounts();
        String lsn = jdbc.queryForObject("select pg_current_wal_lsn()::text", String.class);
        for (int i = 0; i < WRITES_MEASURED; i++) {
            reserve.accept(i);
        }
        double walBytes = jdbc.queryForObject("select pg_wal_lsn_diff(pg_current_wal_lsn(), ?::pg_lsn)",
                Double.class, lsn) / WRITES_MEASURED;
        Thread.sleep(2_000); // each backend reports its table statistics once idle for a second
        Map<String, long[]> tuplesAfter = tupleCounts();
        notes.append(String.format(Locale.ROOT, "WAL per reservation: %.0f bytes (over %d). Rows per reservation:%n%n",
                walBytes, WRITES_MEASURED)).append("| table | inserted | updated | of them HOT |\n|---|---:|---:|---:|\n");
        tuplesAfter.forEach((table, after) -> {
            long[] was = tuplesBefore.getOrDefault(table, new long[3]);
            if (after[0] != was[0] || after[1] != was[1]) {
                notes.append(String.format(Locale.ROOT, "| %s | %.2f | %.2f | %.2f |%n", table,
                        (after[0] - was[0]) / (double) WRITES_MEASURED, (after[1] - was[1]) / (double) WRITES_MEASURED,
                        (after[2] - was[2]) / (double) WRITES_MEASURED));
            }
        });
        System.out.print(notes);
        writeNotes.append(notes);
    }

    /**
     * The WAL, buffers and time of each write of a reservation as PostgreSQL reports them ({@code EXPLAIN (ANALYZE,
     * BUFFERS, WAL)}), on copies of the last reservation's rows in a transaction rolled back: the board's move with its
     * hand-off, the request, the decision.
     */
    private void explainWrites() {
        StringBuilder notes = new StringBuilder("\nEach write of a reservation (copies of the last one's rows, rolled back):\n\n```\n");
        transactions.executeWithoutResult(tx -> {
            long reservation = jdbc.queryForObject("select max(id) from spare_reservation", Long.class);
            Map<String, String> writes = new java.util.LinkedHashMap<>();
            writes.put("board moved to RESERVED, with its hand-off (one statement; the summary trigger fires)", """
                    with moved as (
                        update board set status = 'RESERVED', updated_at = now(), version = version + 1
                        where id = (select id from board where status = 'AVAILABLE' order by id desc limit 1)
                        returning id, location_code)
                    insert into board_custody (board_id, from_status, to_status, action, location_code, username, case_number,
                        note, moved_at)
                    select id, 'AVAILABLE', 'RESERVED', 'RESERVE', location_code, 'system', 'EXPLAIN', 'Reserved as the spare',
                        now() from moved""");
            writes.put("request inserted as RESERVED", """
                    insert into spare_reservation (case_number, line_no, requested_part, site_id, tier, status, serial, board_part,
                        depot_code, distance_km, expected_on_site, predicted_breach, created_at, reserved_at, expires_at, version)
                    select 'EXPLAIN-1', line_no, requested_part, site_id, tier, status, serial || '-X', board_part, depot_code,
                        distance_km, expected_on_site, predicted_breach, created_at, reserved_at, expires_at, 0
                    from spare_reservation where id = %d""".formatted(reservation));
            writes.put("decision with its candidates (JSON)", """
                    insert into sourcing_decision (case_number, reservation_id, kind, made_at, made_by, requested_part, site_id,
                        tier, limit_minutes, chosen_depot, chosen_serial, reason, reason_key, reason_args, candidates_total, candidates)
                    select case_number, reservation_id, kind, made_at, made_by, requested_part, site_id, tier, limit_minutes,
                        chosen_depot, chosen_serial, reason, reason_key, reason_args, candidates_total, candidates
                    from sourcing_decision where reservation_id = %d""".formatted(reservation));
            writes.forEach((what, sql) -> notes.append("-- ").append(what).append('\n').append(String.join("\n",
                    jdbc.queryForList("explain (analyze, buffers, wal, costs off) " + sql, String.class))).append("\n\n"));
            tx.setRollbackOnly();
        });
        notes.append("```\n");
        System.out.print(notes);
        writeNotes.append(notes);
    }

    /** Rows inserted, updated and HOT-updated so far, per table of the application. */
    private Map<String, long[]> tupleCounts() {
        Map<String, long[]> counts = new TreeMap<>();
        jdbc.query("select relname, n_tup_ins, n_tup_upd, n_tup_hot_upd from pg_stat_user_tables where schemaname = 'public'",
                rs -> {
                    counts.put(rs.getString(1), new long[]{rs.getLong(2), rs.getLong(3), rs.getLong(4)});
                });
        return counts;
    }

    private void row(int depots, long total, long available, String operation, int clients, int calls, IntConsumer call) throws Exception {
        for (int i = 0; i < 50; i++) {
            call.accept(i); // warm-up: JIT, caches, connection pool
        }
        long[] latencies = new long[calls];
        String loadBefore = MachineLoad.now();
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
        print(depots, total, available, operation, clients, calls, latencies, calls / seconds, loadBefore + " → " + MachineLoad.now());
    }

    private void print(int depots, long total, long available, String operation, int clients, int calls, long[] sorted,
                       double perSecond, String load) {
        String line = String.format(Locale.ROOT, "| %,d | %,d | %,d | %s | %d | %,d | %.2f | %.2f | %.0f | %s |%n", depots, total,
                available, operation, clients, calls, sorted[calls / 2] / 1e6, sorted[(int) (calls * 0.99)] / 1e6,
                perSecond, load);
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

    private ServiceTier contractTier(SiteInfo site) {
        return tiers.require(customers.tierOf(site.customerCode()).orElseThrow());
    }

    private String[] compatibleParts(String partNumber) {
        return parts.replacementsFor(partNumber).toArray(String[]::new);
    }

    /** {@code count} AVAILABLE boards of random catalogue parts at random depots, in one INSERT … SELECT. */
    private void addBoards(long count) {
        String[] partNumbers = catalogue.stream().map(PartInfo::partNumber).toArray(String[]::new);
        String[] depots = locations.depots().stream().map(LocationInfo::code).toArray(String[]::new);
        String prefix = String.format(Locale.ROOT, "BX%d%07d", depots.length, boards.count());
        transactions.executeWithoutResult(tx -> {
            jdbc.queryForList("select setseed(0.42)");
            jdbc.update("""
                    with p as (select array_agg(part_number order by part_number) as numbers,
                                      array_agg(revision order by part_number) as revisions
                                 from part where part_number = any (?)),
                         d as (select ?::text[] as codes)
                    insert into board (serial, part_number, revision, status, location_code, updated_at)
                    select ? || lpad(g::text, 8, '0'), p.numbers[x.i], p.revisions[x.i], 'AVAILABLE',
                           d.codes[1 + floor(random() * cardinality(d.codes))::int], now()
                      from p, d, generate_series(1, ?) g,
                           lateral (select 1 + floor(random() * cardinality(p.numbers) + 0 * g)::int as i) x""",
                    partNumbers, depots, prefix, count);
        });
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
                    anchor.handlingMinutes(), null, null));
        }
        transactions.executeWithoutResult(tx -> locations.registerAll(synthetic));
    }
}

package io.spareflow.benchmark;

import io.spareflow.SharedTestDatabase;
import io.spareflow.SpareflowIntegrationTest;
import io.spareflow.board.Boards;
import io.spareflow.scan.ScanRequest;
import io.spareflow.scan.Scans;
import io.spareflow.user.StaffUser;
import io.spareflow.user.Users;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Scan ingest throughput and latency, beside what the same PostgreSQL does in pgbench's simple-update (-N) with the
 * same numbers of clients, in the same run. Each scan is a RECEIVE of its own board (IN_TRANSIT → RECEIVED): parse,
 * scope and state checks, row lock, move, custody row, scan record, one transaction. Over HTTP twice: driven by the JDK
 * {@code HttpClient} on threads of this JVM (the generator's CPU is then in the JVM's), and by {@code wrk} in its own
 * process as pgbench is (the JVM's CPU is then the server's alone; Debian package {@code wrk}).
 * <p>
 * Run: {@code mvn -q test -Dtest=ScanIngestBenchmark -Dsurefire.failIfNoSpecifiedTests=false}; needs {@code pgbench}
 * (Debian {@code postgresql-client}). Writes {@code target/benchmark/scan-ingest.md}; method and figures are in
 * docs/performance.md, "Scan ingest".
 */
@SpareflowIntegrationTest
@Import(StatementCounting.class)
class ScanIngestBenchmark {

    private static final int[] CLIENTS = Arrays.stream(System.getProperty("benchmark.clients", "1,4,16").split(","))
            .mapToInt(Integer::parseInt).toArray();
    /** The client count whose HTTP and in-process phases run under a JFR recording, split in the report (0, the default: none — a JFR `profile` recording halves the throughput at 16 clients). */
    private static final int PROFILED_CLIENTS = Integer.getInteger("benchmark.profiledClients", 0);
    private static final int SCANS_PER_RUN = Integer.getInteger("benchmark.scans", 6000);
    private static final int WARM_UP_SCANS = 300;
    private static final int PGBENCH_SECONDS = Integer.getInteger("benchmark.pgbenchSeconds", 10);
    private static final int WRK_SECONDS = Integer.getInteger("benchmark.wrkSeconds", 10);
    /** Whether the throughput phases run on counted connections too (as before; the counter's proxies cost CPU). */
    private static final boolean COUNT_THROUGHOUT = Boolean.getBoolean("benchmark.countStatements");

    private static final String IN_PROCESS_CLIENT = "bench-in-process-";
    private static final CpuSplit SCAN_SPLIT = new CpuSplit()
            .work("Scans.scan (the whole scan)", f -> f.startsWith("io.spareflow.scan.Scans.scan"))
            .work("transaction begin (TransactionTemplate → JpaTransactionManager.doBegin)", f -> f.endsWith("JpaTransactionManager.doBegin"))
            .work("transaction commit (flush, COMMIT)", f -> f.endsWith("AbstractPlatformTransactionManager.commit"))
            .work("the scan's id (ScanIds: a block of ids from the sequence)", f -> f.equals("io.spareflow.scan.internal.ScanIds.next"))
            .work("location (Locations.find)", f -> f.startsWith("io.spareflow.location.Locations.find"))
            .work("board lock (Boards.lock)", f -> f.startsWith("io.spareflow.board.Boards.lock"))
            .work("board move (Boards.move, with custody and BoardMoved)", f -> f.startsWith("io.spareflow.board.Boards.move"))
            .work("BoardMoved listeners (event multicast)", f -> f.startsWith("org.springframework.context.event.SimpleApplicationEventMulticaster.multicastEvent"))
            .work("next step text (NextStep)", f -> f.startsWith("io.spareflow.scan.internal.NextStep"))
            .work("answer as JSON (Jackson)", f -> f.startsWith("com.fasterxml.jackson.databind.ObjectMapper.writeValueAsString"))
            .work("the scan's record with its answer (ScanEventLog.record)", f -> f.equals("io.spareflow.scan.internal.ScanEventLog.record"))
            .work("guards (ScanGuard)", f -> f.equals("io.spareflow.scan.Scans.guardRefusal"))
            .work("fingerprint (SHA-256)", f -> f.startsWith("io.spareflow.scan.Scans.fingerprint"))
            .work("benchmark's statement counter (JDK proxy)", f -> f.startsWith("io.spareflow.benchmark.StatementCounter"))
            .library("PostgreSQL JDBC driver", f -> f.startsWith("org.postgresql"))
            .library("Hikari pool", f -> f.startsWith("com.zaxxer"))
            .library("Hibernate", f -> f.startsWith("org.hibernate"))
            .library("Spring transactions, ORM, JDBC", f -> f.startsWith("org.springframework.transaction")
                    || f.startsWith("org.springframework.orm") || f.startsWith("org.springframework.jdbc"))
            .library("Spring Data repositories, AOP proxies", f -> f.startsWith("org.springframework.data")
                    || f.startsWith("org.springframework.aop"))
            .library("Spring events", f -> f.startsWith("org.springframework.context.event"))
            .library("messages (MessageSource, MessageFormat)", f -> f.startsWith("org.springframework.context.support")
                    || f.startsWith("java.text"))
            .library("Jackson", f -> f.startsWith("com.fasterxml.jackson"))
            .library("SHA-256", f -> f.startsWith("sun.security.provider") || f.startsWith("java.security"))
            .library("logging", f -> f.startsWith("ch.qos.logback") || f.startsWith("org.slf4j"))
            .library("Camunda", f -> f.startsWith("org.camunda"))
            .library("Tomcat", f -> f.startsWith("org.apache"))
            .library("Spring MVC", f -> f.startsWith("org.springframework.web"))
            .library("Spring Security", f -> f.startsWith("org.springframework.security"))
            .library("Spring, other", f -> f.startsWith("org.springframework"));

    @LocalServerPort
    int port;
    @Autowired
    Boards boards;
    @Autowired
    Scans scans;
    @Autowired
    Users users;
    @Autowired
    PasswordEncoder passwordEncoder;

    private long postmasterPid;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    /**
     * One phase's figures; CPU in ms over the phase: this JVM's (the server, and the load generator where it runs in the
     * JVM), an external load generator's own ({@link #IN_THE_JVM} when the generator is this JVM's threads) and
     * PostgreSQL's.
     */
    record Figures(String what, int clients, long operations, double perSecond, double p50Ms, double p99Ms,
                   double jvmCpuMs, double generatorCpuMs, double postgresCpuMs) {

        static final double IN_THE_JVM = -1;

        String row() {
            return String.format(java.util.Locale.ROOT, "| %s | %d | %d | %.0f | %.2f | %.2f | %s | %s | %s |", what, clients,
                    operations, perSecond, p50Ms, p99Ms, perOperation(jvmCpuMs),
                    generatorCpuMs == IN_THE_JVM ? "in the JVM's" : perOperation(generatorCpuMs), perOperation(postgresCpuMs));
        }

        private String perOperation(double cpuMs) {
            return String.format(java.util.Locale.ROOT, "%.2f", cpuMs / operations);
        }
    }

    @Test
    void scanIngestBesidePgbench() throws Exception {
        String auth = "Basic " + Base64.getEncoder().encodeToString("depot-CTU:demo".getBytes(StandardCharsets.UTF_8));
        StaffUser depotUser = users.require("depot-CTU");
        run("warm-up", 4, WARM_UP_SCANS, serial -> scans.scan(request(serial), depotUser));
        run("warm-up", 4, WARM_UP_SCANS, serial -> scanOverHttp(serial, auth));
        List<String> twoSerials = boardsInTransit(2);
        // The second of two scans: the first may be the one that takes a new block of scan ids (ScanIds).
        scans.scan(request(twoSerials.get(0)), depotUser);
        List<String> oneScan = StatementCounter.record(() -> scans.scan(request(twoSerials.get(1)), depotUser));
        List<Figures> figures = new ArrayList<>();
        String hash = passwordEncoder.encode("demo");
        figures.add(run("BCrypt check of a password (HTTP Basic, once per user and cache period)", 1, 50,
                serial -> passwordEncoder.matches("demo", hash)));
        StringBuilder ratios = new StringBuilder("\n| clients | HTTP (wrk) ÷ pgbench | HTTP (JDK HttpClient in the JVM) ÷ pgbench"
                + " | in process ÷ pgbench | load average |\n|---|---|---|---|---|\n");
        Path jfr = Path.of("target", "benchmark", "scan-ingest.jfr");
        Files.createDirectories(jfr.getParent());
        String profile = "";
        StatementCounter.counting(COUNT_THROUGHOUT);
        for (int clients : CLIENTS) {
            String load = MachineLoad.now();
            Recording recording = clients == PROFILED_CLIENTS ? new Recording(Configuration.getConfiguration("profile")) : null;
            if (recording != null) {
                recording.start();
            }
            Figures overHttp = run("POST /api/scans (HTTP, Basic auth, JDK HttpClient in this JVM)", clients, SCANS_PER_RUN,
                    serial -> scanOverHttp(serial, auth));
            Figures overWrk = wrk(clients, auth, overHttp.perSecond());
            Figures inProcess = run("Scans.scan (in process, no HTTP)", clients, SCANS_PER_RUN,
                    serial -> scans.scan(request(serial), depotUser));
            if (recording != null) {
                recording.stop();
                recording.dump(jfr);
                recording.close();
                profile = "\n### In process, " + clients + " clients\n\n" + SCAN_SPLIT.of(jfr, IN_PROCESS_CLIENT)
                        + "\n### Over HTTP, " + clients + " clients (the server's request threads)\n\n" + SCAN_SPLIT.of(jfr, "http-nio");
            }
            Figures pgbench = pgbench(clients);
            figures.addAll(List.of(overHttp, overWrk, inProcess, pgbench));
            ratios.append(String.format(java.util.Locale.ROOT, "| %d | %.3f | %.3f | %.3f | %s → %s |%n", clients,
                    overWrk.perSecond() / pgbench.perSecond(), overHttp.perSecond() / pgbench.perSecond(),
                    inProcess.perSecond() / pgbench.perSecond(), load, MachineLoad.now()));
        }
        StatementCounter.counting(true);
        StringBuilder report = new StringBuilder("| what | clients | operations | per second | p50 ms | p99 ms"
                + " | JVM CPU ms per operation (server; with an in-JVM load generator, its too) | external load generator's CPU ms"
                + " per operation (wrk, pgbench) | PostgreSQL CPU ms per operation |\n|---|---|---|---|---|---|---|---|---|\n");
        figures.forEach(f -> report.append(f.row()).append('\n'));
        report.append(ratios);
        report.append("\nSQL statements of one RECEIVE scan in process (").append(oneScan.size()).append("):\n\n");
        oneScan.forEach(sql -> report.append("1. `").append(sql.replaceAll("\\s+", " ")).append("`\n"));
        report.append(profile);
        Path out = Path.of("target", "benchmark", "scan-ingest.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        System.out.println(report);
    }


    private Figures run(String what, int clients, int scanCount, Consumer<String> scan) throws Exception {
        ConcurrentLinkedQueue<String> serials = new ConcurrentLinkedQueue<>(boardsInTransit(scanCount));
        long[] latencies = new long[scanCount];
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        CountDownLatch done = new CountDownLatch(clients);
        List<Throwable> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
        String threadName = what.startsWith("Scans.scan") ? IN_PROCESS_CLIENT : "bench-client-";
        double jvmCpu = ProcessCpu.jvmMillis();
        double postgresCpu = ProcessCpu.postgresMillis(postmasterPid());
        long start = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            new Thread(() -> {
                try {
                    String serial;
                    while ((serial = serials.poll()) != null) {
                        long t0 = System.nanoTime();
                        scan.accept(serial);
                        latencies[next.getAndIncrement()] = System.nanoTime() - t0;
                    }
                } catch (Throwable e) {
                    failures.add(e);
                } finally {
                    done.countDown();
                }
            }, threadName + c).start();
        }
        done.await(30, TimeUnit.MINUTES);
        long elapsed = System.nanoTime() - start;
        jvmCpu = ProcessCpu.jvmMillis() - jvmCpu;
        postgresCpu = ProcessCpu.postgresMillis(postmasterPid()) - postgresCpu;
        if (!failures.isEmpty()) {
            throw new IllegalStateException(what + " failed", failures.get(0));
        }
        long[] sorted = Arrays.copyOf(latencies, next.get());
        Arrays.sort(sorted);
        return new Figures(what, clients, sorted.length, sorted.length / (elapsed / 1e9), percentile(sorted, 50) / 1e6,
                percentile(sorted, 99) / 1e6, jvmCpu, Figures.IN_THE_JVM, postgresCpu);
    }

    /** The test database's postmaster, whose processes' CPU time is this benchmark's PostgreSQL side. */
    private long postmasterPid() throws Exception {
        if (postmasterPid == 0) {
            try (Connection connection = DriverManager.getConnection(SharedTestDatabase.jdbcUrl(), "postgres", "postgres");
                 Statement statement = connection.createStatement();
                 var rs = statement.executeQuery("show data_directory")) {
                rs.next();
                postmasterPid = Long.parseLong(Files.readAllLines(Path.of(rs.getString(1), "postmaster.pid")).get(0).trim());
            }
        }
        return postmasterPid;
    }

    private void scanOverHttp(String serial, String auth) {
        ReceiveScans.overHttp(http, port, auth, serial);
    }

    private static ScanRequest request(String serial) {
        return ReceiveScans.request(serial);
    }

    private List<String> boardsInTransit(int count) {
        return ReceiveScans.inTransit(boards, "BENCH", count);
    }

    /** pgbench simple-update (-N) on a database of its own in the same PostgreSQL, per-transaction latencies logged. */
    private Figures pgbench(int clients) throws Exception {
        var postgres = SharedTestDatabase.postgres();
        Path logs = Files.createTempDirectory("pgbench");
        try (Connection connection = DriverManager.getConnection(SharedTestDatabase.jdbcUrl(), "postgres", "postgres");
             Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS pgbench");
            statement.execute("CREATE DATABASE pgbench");
        }
        String portArg = String.valueOf(postgres.getPort());
        exec(List.of("pgbench", "-h", "localhost", "-p", portArg, "-U", "postgres", "-i", "-s", "10", "-q", "pgbench"), logs);
        double clientCpu = ProcessCpu.endedChildrenMillis();
        double jvmCpu = ProcessCpu.jvmMillis();
        double postgresCpu = ProcessCpu.postgresMillis(postmasterPid());
        String output = exec(List.of("pgbench", "-h", "localhost", "-p", portArg, "-U", "postgres", "-N", "-n",
                "-c", String.valueOf(clients), "-j", String.valueOf(Math.min(clients, 4)), "-T", String.valueOf(PGBENCH_SECONDS),
                "-l", "--log-prefix=" + logs.resolve("tx"), "pgbench"), logs);
        clientCpu = ProcessCpu.endedChildrenMillis() - clientCpu;
        jvmCpu = ProcessCpu.jvmMillis() - jvmCpu;
        postgresCpu = ProcessCpu.postgresMillis(postmasterPid()) - postgresCpu;
        Matcher tps = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)").matcher(output);
        if (!tps.find()) {
            throw new IllegalStateException("pgbench printed no tps: " + output);
        }
        long[] latencies;
        try (Stream<Path> files = Files.list(logs)) {
            latencies = files.filter(p -> p.getFileName().toString().startsWith("tx")).flatMap(ScanIngestBenchmark::lines)
                    .mapToLong(line -> Long.parseLong(line.split(" ")[2]) * 1000).sorted().toArray();
        }
        return new Figures("pgbench -N (simple update)", clients, latencies.length, Double.parseDouble(tps.group(1)),
                percentile(latencies, 50) / 1e6, percentile(latencies, 99) / 1e6, jvmCpu, clientCpu, postgresCpu);
    }

    /**
     * Scans over HTTP driven by {@code wrk} (Debian package {@code wrk}), a load generator in C in its own process as
     * pgbench is for PostgreSQL, for {@link #WRK_SECONDS}: {@code clients} keep-alive connections on up to two threads,
     * each request a RECEIVE of its own board ({@code benchmark/scans.lua}). The JVM's CPU is then the server's alone;
     * wrk's own is reported beside it. Boards are registered for six times the rate the in-JVM client reached (wrk at one client reached three times it on a quiet machine).
     */
    private Figures wrk(int clients, String auth, double inJvmRate) throws Exception {
        int count = (int) Math.max(4000, 6 * inJvmRate * WRK_SECONDS);
        List<String> serials = boardsInTransit(count);
        String prefix = serials.get(0).substring(0, serials.get(0).length() - 6);
        Path script = Files.createTempFile("scans", ".lua");
        try (var lua = ScanIngestBenchmark.class.getResourceAsStream("/benchmark/scans.lua")) {
            Files.write(script, lua.readAllBytes());
        }
        int threads = Math.min(clients, 2);
        double clientCpu = ProcessCpu.endedChildrenMillis();
        double jvmCpu = ProcessCpu.jvmMillis();
        double postgresCpu = ProcessCpu.postgresMillis(postmasterPid());
        String output = exec(List.of("wrk", "-t", String.valueOf(threads), "-c", String.valueOf(clients), "-d", WRK_SECONDS + "s",
                "--timeout", "10s", "-s", script.toString(), "http://127.0.0.1:" + port, "--", prefix, String.valueOf(count), auth,
                String.valueOf(threads)), script.getParent());
        clientCpu = ProcessCpu.endedChildrenMillis() - clientCpu;
        jvmCpu = ProcessCpu.jvmMillis() - jvmCpu;
        postgresCpu = ProcessCpu.postgresMillis(postmasterPid()) - postgresCpu;
        Files.delete(script);
        Matcher result = Pattern.compile("WRK requests=(\\d+) duration_us=(\\d+) p50_us=(\\d+) p99_us=(\\d+) errors=(\\d+) ran_out=(\\d+)")
                .matcher(output);
        if (!result.find() || !result.group(5).equals("0") || !result.group(6).equals("0")) {
            throw new IllegalStateException("wrk failed, ran out of boards or had errors: " + output);
        }
        long requests = Long.parseLong(result.group(1));
        return new Figures("POST /api/scans (HTTP, Basic auth, wrk: external load generator in C)", clients, requests,
                requests / (Long.parseLong(result.group(2)) / 1e6), Long.parseLong(result.group(3)) / 1e3,
                Long.parseLong(result.group(4)) / 1e3, jvmCpu, clientCpu, postgresCpu);
    }

    private static Stream<String> lines(Path file) {
        try {
            return Files.readAllLines(file).stream();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String exec(List<String> command, Path dir) throws Exception {
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
        }
        return output;
    }

    private static long percentile(long[] sorted, int percent) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(percent / 100.0 * sorted.length) - 1)];
    }
}

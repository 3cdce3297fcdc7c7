package io.spareflow.benchmark;

import io.spareflow.SharedTestDatabase;
import io.spareflow.SpareflowIntegrationTest;
import io.spareflow.board.Boards;
import io.spareflow.scan.Scans;
import io.spareflow.user.StaffUser;
import io.spareflow.user.Users;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Where PostgreSQL's CPU per scan goes: RECEIVE scans at {@code benchmark.clients} (16) in process and over HTTP (JDK
 * client), and for each phase PostgreSQL's CPU and WAL per scan, the WAL records per scan by type
 * ({@code pg_walinspect}: heap inserts and updates, index inserts, row locks, multixacts — a foreign-key check's
 * {@code FOR KEY SHARE} of a row other transactions hold too — commits), rows written and heap-only updates per table
 * and transactions per scan; with {@code -Dbenchmark.pgStatStatements=true} (the test database then loads the
 * extension) also the statements, nested ones included (foreign-key checks), with their calls and time per scan. Run:
 * <pre>mvn -B -o test -Pbenchmark -Dtest=ScanPostgresBenchmark -Dbenchmark.pgStatStatements=true</pre>
 * Writes target/benchmark/scan-postgres.md. Statement times are wall times inside PostgreSQL: on a loaded machine
 * they include waiting for a core; the counts and WAL carry over.
 */
@SpareflowIntegrationTest
class ScanPostgresBenchmark {

    private static final int SCANS = Integer.getInteger("benchmark.scans", 3000);
    private static final int CLIENTS = Integer.getInteger("benchmark.clients", 16);
    private static final int WARM_UP = 300;

    @LocalServerPort
    int port;
    @Autowired
    Boards boards;
    @Autowired
    Scans scans;
    @Autowired
    Users users;

    private final HttpClient http = HttpClient.newHttpClient();
    private final String auth = "Basic " + Base64.getEncoder().encodeToString("depot-CTU:demo".getBytes(StandardCharsets.UTF_8));

    @Test
    void whereAScansPostgresCpuGoes() throws Exception {
        StaffUser user = users.require("depot-CTU");
        Consumer<String> inProcess = serial -> scans.scan(ReceiveScans.request(serial), user);
        Consumer<String> overHttp = this::scanOverHttp;
        StringBuilder report = new StringBuilder();
        try (Connection connection = DriverManager.getConnection(SharedTestDatabase.jdbcUrl(), "postgres", "postgres");
             Statement sql = connection.createStatement()) {
            sql.execute("create extension if not exists pg_walinspect");
            boolean statements = !value(sql, "show shared_preload_libraries").isBlank();
            if (statements) {
                sql.execute("create extension if not exists pg_stat_statements");
            }
            run(4, inTransit(WARM_UP), inProcess);
            run(4, inTransit(WARM_UP), overHttp);
            for (String phase : List.of("in process", "over HTTP (JDK HttpClient, HTTP Basic)")) {
                List<String> serials = inTransit(SCANS);
                Thread.sleep(1500); // the boards' registration reported before the counts are reset
                if (statements) {
                    sql.execute("select pg_stat_statements_reset()");
                }
                sql.execute("select pg_stat_reset()");
                String start = value(sql, "select pg_current_wal_insert_lsn()");
                long postmaster = Long.parseLong(Files.readAllLines(Path.of(value(sql, "show data_directory"), "postmaster.pid")).get(0).trim());
                double cpu = ProcessCpu.postgresMillis(postmaster);
                String load = MachineLoad.now();
                run(CLIENTS, serials, phase.equals("in process") ? inProcess : overHttp);
                cpu = ProcessCpu.postgresMillis(postmaster) - cpu;
                double wal = Double.parseDouble(value(sql, "select pg_wal_lsn_diff(pg_current_wal_insert_lsn(), '" + start + "')"));
                Thread.sleep(1500); // the backends report their table counts within a second
                sql.execute("select pg_switch_wal()"); // pg_walinspect reads WAL up to what is flushed
                String end = value(sql, "select pg_current_wal_flush_lsn()");
                report.append(String.format(Locale.ROOT, "## %s, %d clients, %d scans (load %s → %s)%n%n"
                        + "PostgreSQL CPU %.3f ms and WAL %.0f bytes per scan%n%n", phase, CLIENTS, SCANS, load, MachineLoad.now(),
                        cpu / SCANS, wal / SCANS));
                table(report, sql, "WAL per scan by record type", """
                        select "resource_manager/record_type" as record, round(count::numeric / %1$d, 2) as per_scan,
                               round(combined_size::numeric / %1$d) as bytes_per_scan
                        from pg_get_wal_stats('%2$s', '%3$s', true) where count > 0 order by combined_size desc""".formatted(SCANS, start, end));
                table(report, sql, "Rows per scan by table", """
                        select relname as table, round(n_tup_ins::numeric / %1$d, 2) as inserted, round(n_tup_upd::numeric / %1$d, 2) as updated,
                               round(n_tup_hot_upd::numeric / %1$d, 2) as heap_only, round(idx_scan::numeric / %1$d, 2) as index_scans
                        from pg_stat_user_tables where n_tup_ins + n_tup_upd + coalesce(idx_scan, 0) >= %1$d / 2 order by relname""".formatted(SCANS));
                table(report, sql, "Transactions per scan", """
                        select round(xact_commit::numeric / %d, 2) as commits from pg_stat_database where datname = current_database()""".formatted(SCANS));
                if (statements) {
                    table(report, sql, "Statements per scan (nested: foreign-key checks and triggers)", """
                            select round(calls::numeric / %1$d, 2) as per_scan, round((total_exec_time / %1$d)::numeric, 3) as exec_ms_per_scan,
                                   round(wal_bytes::numeric / %1$d) as wal_bytes_per_scan, not toplevel as nested,
                                   left(regexp_replace(query, '\\s+', ' ', 'g'), 120) as statement
                            from pg_stat_statements where calls >= %1$d / 2 order by total_exec_time desc""".formatted(SCANS));
                }
            }
        }
        Path out = Path.of("target", "benchmark", "scan-postgres.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        System.out.println(report);
    }

    private static String value(Statement sql, String query) throws Exception {
        try (ResultSet rs = sql.executeQuery(query)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static void table(StringBuilder report, Statement sql, String title, String query) throws Exception {
        try (ResultSet rs = sql.executeQuery(query)) {
            ResultSetMetaData columns = rs.getMetaData();
            report.append(title).append(":\n\n|");
            for (int i = 1; i <= columns.getColumnCount(); i++) {
                report.append(' ').append(columns.getColumnLabel(i)).append(" |");
            }
            report.append("\n|").append("---|".repeat(columns.getColumnCount())).append('\n');
            while (rs.next()) {
                report.append('|');
                for (int i = 1; i <= columns.getColumnCount(); i++) {
                    report.append(' ').append(rs.getString(i)).append(" |");
                }
                report.append('\n');
            }
            report.append('\n');
        }
    }

    private static void run(int clients, List<String> serials, Consumer<String> scan) throws Exception {
        ConcurrentLinkedQueue<String> queue = new ConcurrentLinkedQueue<>(serials);
        CountDownLatch done = new CountDownLatch(clients);
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        for (int c = 0; c < clients; c++) {
            new Thread(() -> {
                try {
                    for (String serial = queue.poll(); serial != null; serial = queue.poll()) {
                        scan.accept(serial);
                    }
                } catch (Throwable e) {
                    failures.add(e);
                } finally {
                    done.countDown();
                }
            }, "bench-client-" + c).start();
        }
        done.await();
        if (!failures.isEmpty()) {
            throw new IllegalStateException("a scan failed", failures.get(0));
        }
    }

    private void scanOverHttp(String serial) {
        ReceiveScans.overHttp(http, port, auth, serial);
    }

    private List<String> inTransit(int count) {
        return ReceiveScans.inTransit(boards, "PGCOST", count);
    }
}

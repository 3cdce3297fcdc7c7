package io.spareflow.benchmark;

import io.spareflow.SharedTestDatabase;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * What durable commits cost: small write transactions (one row each, committed one by one, like a scan's custody
 * record) per second on the default profile's embedded PostgreSQL (fsync, synchronous_commit on) and on the test
 * database (fsync, synchronous_commit off), 1 and 4 clients, same machine, same run.
 * <p>
 * Run: {@code mvn -q test -Dtest=DurabilityCostBenchmark -Dsurefire.failIfNoSpecifiedTests=false}; writes
 * {@code target/benchmark/durability.md}; figures in docs/performance.md, "Durable commits".
 */
class DurabilityCostBenchmark {

    private static final int COMMITS_PER_CLIENT = Integer.getInteger("benchmark.commits", 2000);

    @Test
    void commitsPerSecondWithAndWithoutSync() throws Exception {
        StringBuilder table = new StringBuilder("| database | clients | commits/s | ms per commit |\n|---|---|---|---|\n");
        try (EmbeddedPostgres durable = EmbeddedPostgres.builder().setRegisterShutdownHook(false)
                .setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on").start()) {
            for (int clients : new int[] {1, 4}) {
                table.append(row("default profile (fsync on, synchronous_commit on)", durable.getPostgresDatabase(), clients));
                table.append(row("test database (fsync off, synchronous_commit off)",
                        SharedTestDatabase.postgres().getPostgresDatabase(), clients));
            }
        }
        Path out = Path.of("target/benchmark/durability.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, table);
        System.out.println(table);
    }

    private static String row(String name, DataSource db, int clients) throws Exception {
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS commit_bench (id BIGSERIAL PRIMARY KEY, client INT, at TIMESTAMPTZ DEFAULT now(), note TEXT)");
        }
        run(db, clients, COMMITS_PER_CLIENT / 10); // warm-up
        long started = System.nanoTime();
        run(db, clients, COMMITS_PER_CLIENT);
        double seconds = (System.nanoTime() - started) / 1e9;
        double perSecond = clients * COMMITS_PER_CLIENT / seconds;
        return String.format("| %s | %d | %.0f | %.2f |%n", name, clients, perSecond, 1000.0 * clients / perSecond);
    }

    private static void run(DataSource db, int clients, int commits) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int client = 0; client < clients; client++) {
                int id = client;
                done.add(pool.submit(() -> {
                    try (Connection c = db.getConnection();
                         PreparedStatement insert = c.prepareStatement("INSERT INTO commit_bench (client, note) VALUES (?, 'scan')")) {
                        c.setAutoCommit(true);
                        for (int i = 0; i < commits; i++) {
                            insert.setInt(1, id);
                            insert.executeUpdate();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
    }
}

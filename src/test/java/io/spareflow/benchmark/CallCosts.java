package io.spareflow.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What each timed call of a benchmark was made of, to tell where a latency tail comes from: the calling thread's own
 * CPU time and its wait for a core, the PostgreSQL server's CPU time and wait for a core (every process of the
 * postmaster: the backend answering, autovacuum, checkpointer, WAL writer), the CPU of this JVM's other threads (JIT
 * compiler, GC, schedulers, pools), garbage-collection time and JIT compilation time that fell into the call, and the
 * bytes the thread allocated. CPU and run-queue waits come from Linux's scheduler statistics ({@code /proc/…/schedstat},
 * nanoseconds); each sample is read outside the timed call. Where /proc is missing the Linux columns stay 0.
 */
final class CallCosts {

    /** Columns per call: wall, own CPU, own queue, PostgreSQL CPU, PostgreSQL queue, other JVM CPU, GC, JIT, bytes. */
    private static final int WALL = 0;
    private static final int OWN_CPU = 1;
    private static final int OWN_QUEUE = 2;
    private static final int PG_CPU = 3;
    private static final int PG_QUEUE = 4;
    private static final int OTHER_JVM_CPU = 5;
    private static final int GC = 6;
    private static final int JIT = 7;
    private static final int ALLOCATED = 8;
    private static final int COLUMNS = 9;

    private final long postmasterPid;
    private final long[][] calls;
    private final List<GarbageCollectorMXBean> collectors = ManagementFactory.getGarbageCollectorMXBeans();
    private final com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    private final com.sun.management.OperatingSystemMXBean os =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private final long[] started = new long[COLUMNS];
    private Map<Long, long[]> postgresStarted = Map.of();

    /** The test database's postmaster, read from its data directory's postmaster.pid. */
    static long postmasterPid(JdbcTemplate jdbc) {
        String directory = jdbc.queryForObject("show data_directory", String.class);
        try {
            return Long.parseLong(Files.readAllLines(Path.of(directory, "postmaster.pid")).get(0).trim());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    CallCosts(long postmasterPid, int calls) {
        this.postmasterPid = postmasterPid;
        this.calls = new long[calls][COLUMNS];
    }

    /** Samples everything before a timed call (outside its time). */
    void before() {
        postgresStarted = postgres();
        sampleJvm(started);
        sampleThread(started); // last: what reading the rest costs this thread is not the call's
    }

    /** Samples everything after call {@code index} took {@code wallNanos}, and keeps the differences. */
    void after(int index, long wallNanos) {
        long[] now = new long[COLUMNS];
        sampleThread(now); // first, for the same reason
        sampleJvm(now);
        long[] call = calls[index];
        for (int c = 0; c < COLUMNS; c++) {
            call[c] = now[c] - started[c];
        }
        // A process that ended meanwhile is left out; one that started meanwhile counts from its start.
        postgres().forEach((pid, stat) -> {
            long[] was = postgresStarted.getOrDefault(pid, new long[2]);
            call[PG_CPU] += stat[0] - was[0];
            call[PG_QUEUE] += stat[1] - was[1];
        });
        call[WALL] = wallNanos;
        call[OTHER_JVM_CPU] -= call[OWN_CPU];
    }

    /**
     * Markdown rows of averages per call for bands of the calls sorted by wall time: the middle (p40–p60), p90–p99,
     * and the slowest 1 %.
     */
    String bands(String operation) {
        long[][] sorted = calls.clone();
        Arrays.sort(sorted, (a, b) -> Long.compare(a[WALL], b[WALL]));
        int n = sorted.length;
        StringBuilder rows = new StringBuilder();
        band(rows, operation, "p40–p60", sorted, n * 40 / 100, n * 60 / 100);
        band(rows, operation, "p90–p99", sorted, n * 90 / 100, n * 99 / 100);
        band(rows, operation, "slowest 1 %", sorted, n * 99 / 100, n);
        return rows.toString();
    }

    static String header() {
        return "| operation | calls by wall time | calls | wall ms | client thread CPU ms | client thread waiting for a core ms"
                + " | PostgreSQL CPU ms | PostgreSQL waiting for a core ms | other JVM threads' CPU ms | GC ms (calls with GC)"
                + " | JIT compiling ms | allocated kB |\n|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n";
    }

    private static void band(StringBuilder rows, String operation, String name, long[][] sorted, int from, int to) {
        if (to <= from) {
            return;
        }
        double[] sum = new double[COLUMNS];
        int withGc = 0;
        for (int i = from; i < to; i++) {
            for (int c = 0; c < COLUMNS; c++) {
                sum[c] += sorted[i][c];
            }
            withGc += sorted[i][GC] > 0 ? 1 : 0;
        }
        int n = to - from;
        rows.append(String.format(Locale.ROOT, "| %s | %s | %d | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f (%d) | %.2f | %.0f |%n",
                operation, name, n, sum[WALL] / n / 1e6, sum[OWN_CPU] / n / 1e6, sum[OWN_QUEUE] / n / 1e6,
                sum[PG_CPU] / n / 1e6, sum[PG_QUEUE] / n / 1e6, sum[OTHER_JVM_CPU] / n / 1e6, sum[GC] / n / 1e6, withGc,
                sum[JIT] / n / 1e6, sum[ALLOCATED] / n / 1024));
    }

    /** The calling thread's CPU, run-queue wait and allocated bytes. */
    private void sampleThread(long[] into) {
        long[] own = schedstat(Path.of("/proc/thread-self/schedstat"));
        into[OWN_CPU] = own[0];
        into[OWN_QUEUE] = own[1];
        into[ALLOCATED] = threads.getCurrentThreadAllocatedBytes();
    }

    /** The JVM's CPU, GC and JIT time so far. */
    private void sampleJvm(long[] into) {
        into[OTHER_JVM_CPU] = os.getProcessCpuTime();
        long gcMillis = 0;
        for (GarbageCollectorMXBean collector : collectors) {
            gcMillis += Math.max(0, collector.getCollectionTime());
        }
        into[GC] = gcMillis * 1_000_000;
        into[JIT] = ManagementFactory.getCompilationMXBean().getTotalCompilationTime() * 1_000_000;
    }

    /** CPU time and run-queue wait of the postmaster and each process it runs now, by pid. */
    private Map<Long, long[]> postgres() {
        Map<Long, long[]> stats = new HashMap<>();
        for (long pid : postgresPids()) {
            stats.put(pid, schedstat(Path.of("/proc", Long.toString(pid), "schedstat")));
        }
        return stats;
    }

    /** The postmaster and the processes it runs now (backends, autovacuum workers, background writers). */
    private long[] postgresPids() {
        try {
            String children = Files.readString(Path.of("/proc", Long.toString(postmasterPid), "task",
                    Long.toString(postmasterPid), "children")).trim();
            long[] pids = children.isEmpty() ? new long[0]
                    : Arrays.stream(children.split(" ")).mapToLong(Long::parseLong).toArray();
            long[] all = Arrays.copyOf(pids, pids.length + 1);
            all[pids.length] = postmasterPid;
            return all;
        } catch (IOException | RuntimeException e) {
            return new long[0];
        }
    }

    /** CPU time and run-queue wait in ns; zeros when the process is gone or /proc is missing. */
    private static long[] schedstat(Path file) {
        try {
            String[] fields = Files.readString(file).trim().split(" ");
            return new long[]{Long.parseLong(fields[0]), Long.parseLong(fields[1])};
        } catch (IOException | RuntimeException e) {
            return new long[2];
        }
    }
}

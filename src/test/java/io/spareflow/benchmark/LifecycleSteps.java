package io.spareflow.benchmark;

import io.spareflow.benchmark.StatementCounter.Executed;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The cost of each REST call of a lifecycle: its wall time, the SQL statements the server ran for it, by kind and table (engine
 * {@code ACT_*} tables apart from the application's), and the Camunda history rows it wrote, summed over the recorded
 * cases and reported per case. Statements of other threads than the request's (job executor, pollers) are counted
 * apart: a lifecycle without due timers has none of its own there.
 */
final class LifecycleSteps {

    private static final String[] KINDS = {"select", "insert", "update", "delete"};
    private static final Pattern INSERT = Pattern.compile("^insert\\s+into\\s+([\\w.]+)");
    private static final Pattern UPDATE = Pattern.compile("^update\\s+([\\w.]+)");
    private static final Pattern DELETE = Pattern.compile("^delete\\s+from\\s+([\\w.]+)");
    private static final Pattern FROM = Pattern.compile("\\bfrom\\s+([\\w.]+)");
    private static final Pattern NEXTVAL = Pattern.compile("nextval\\s*\\(\\s*'([\\w.]+)'");

    private final JdbcTemplate jdbc;
    private final List<String> historyTables;
    private final Map<String, Step> steps = new LinkedHashMap<>();
    private final Map<String, long[]> byTable = new TreeMap<>();
    private final Map<String, Long> historyByTable = new TreeMap<>();
    private final List<Call> calls = new ArrayList<>();
    private boolean recording;
    private int cases;

    /** What one kind of step cost over all recorded cases. */
    private static final class Step {
        final long[] engine = new long[4];
        final long[] application = new long[4];
        long background;
        long history;
        long calls;
        long nanos;
        long maxNanos;
        final Map<String, Long> tables = new TreeMap<>();
        final Map<String, Long> statements = new LinkedHashMap<>();
    }

    LifecycleSteps(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.historyTables = jdbc.queryForList("SELECT table_name FROM information_schema.tables "
                + "WHERE table_schema = current_schema() AND table_name LIKE 'act_hi_%' ORDER BY table_name", String.class);
    }

    /** One recorded REST call: its step and when it ran (the client's view). */
    record Call(String name, Instant start, Instant end) {
    }

    /** Every recorded call in order: a profile attributes what ran meanwhile to its step. */
    List<Call> calls() {
        return calls;
    }

    /** Records the steps of the next {@code count} lifecycles that {@code lifecycle} drives. */
    void record(int count, Runnable lifecycle) {
        recording = true;
        try {
            for (int i = 0; i < count; i++) {
                lifecycle.run();
                cases++;
            }
        } finally {
            recording = false;
        }
    }

    void step(String name, Runnable call) {
        step(name, () -> {
            call.run();
            return null;
        });
    }

    /** Runs one REST call of the lifecycle; while recording, its statements and history rows count under {@code name}. */
    <T> T step(String name, Supplier<T> call) {
        if (!recording) {
            return call.get();
        }
        Map<String, Long> historyBefore = historyRows();
        List<Object> result = new ArrayList<>(1);
        long[] took = new long[1];
        List<Executed> executed = StatementCounter.recordEveryThread(() -> {
            long start = System.nanoTime();
            Instant started = Instant.now();
            result.add(call.get());
            took[0] = System.nanoTime() - start;
            calls.add(new Call(name, started, Instant.now()));
        });
        Map<String, Long> historyAfter = historyRows();
        Step step = steps.computeIfAbsent(name, n -> new Step());
        step.calls++;
        step.nanos += took[0];
        step.maxNanos = Math.max(step.maxNanos, took[0]);
        for (Executed statement : executed) {
            if (!statement.thread().startsWith("http-")) {
                step.background++;
                continue;
            }
            String sql = statement.sql().strip().toLowerCase(Locale.ROOT);
            int kind = kind(sql);
            String table = table(sql, kind);
            (table.startsWith("act_") ? step.engine : step.application)[kind]++;
            String key = KINDS[kind] + " " + table;
            step.tables.merge(key, 1L, Long::sum);
            step.statements.merge(sql.replaceAll("\\s+", " "), 1L, Long::sum);
            byTable.computeIfAbsent(table, t -> new long[4])[kind]++;
        }
        historyAfter.forEach((table, rows) -> {
            long written = rows - historyBefore.getOrDefault(table, 0L);
            step.history += written;
            historyByTable.merge(table, written, Long::sum);
        });
        @SuppressWarnings("unchecked")
        T value = (T) result.get(0);
        return value;
    }

    private static int kind(String sql) {
        for (int k = 1; k < KINDS.length; k++) {
            if (sql.startsWith(KINDS[k])) {
                return k;
            }
        }
        return 0;
    }

    private static String table(String sql, int kind) {
        Matcher nextval = NEXTVAL.matcher(sql);
        if (kind == 0 && nextval.find()) {
            return "sequence " + nextval.group(1);
        }
        Matcher named = (kind == 1 ? INSERT : kind == 2 ? UPDATE : kind == 3 ? DELETE : FROM).matcher(sql);
        return named.find() ? named.group(1) : "(" + sql.split("\\s+")[0] + ")";
    }

    private Map<String, Long> historyRows() {
        Map<String, Long> rows = new TreeMap<>();
        for (String table : historyTables) {
            rows.put(table, jdbc.queryForObject("SELECT count(*) FROM " + table, Long.class));
        }
        return rows;
    }

    /** The steps as a markdown table per case, then the statements of the whole lifecycle by table and kind. */
    List<String> report() {
        List<String> lines = new ArrayList<>();
        lines.add("Per case, averaged over " + cases + " recorded lifecycles (request threads only; background = other threads):");
        lines.add("");
        lines.add("| step | ms | slowest call ms | SQL | engine s/i/u/d | application s/i/u/d | history rows | background | largest |");
        lines.add("|---|---:|---:|---:|---|---|---:|---:|---|");
        long[] totals = new long[4];
        steps.forEach((name, step) -> {
            long engine = sum(step.engine);
            long application = sum(step.application);
            totals[0] += engine + application;
            totals[1] += step.history;
            totals[2] += step.background;
            totals[3] += step.nanos;
            lines.add(String.format(Locale.ROOT, "| %s | %s | %.1f | %s | %s | %s | %s | %s | %s |", name, millis(step.nanos),
                    step.maxNanos / 1e6, per(engine + application), kinds(step.engine), kinds(step.application),
                    per(step.history), per(step.background), largest(step.tables)));
        });
        lines.add(String.format(Locale.ROOT, "| **total** | **%s** | | **%s** | | | **%s** | %s | |", millis(totals[3]),
                per(totals[0]), per(totals[1]), per(totals[2])));
        lines.add("");
        lines.add("Statements of the whole lifecycle per case, by table (select / insert / update / delete):");
        lines.add("");
        lines.add("| table | select | insert | update | delete | all |");
        lines.add("|---|---:|---:|---:|---:|---:|");
        byTable.entrySet().stream()
                .sorted((a, b) -> Long.compare(sum(b.getValue()), sum(a.getValue())))
                .forEach(e -> lines.add(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s |", e.getKey(),
                        per(e.getValue()[0]), per(e.getValue()[1]), per(e.getValue()[2]), per(e.getValue()[3]), per(sum(e.getValue())))));
        lines.add("");
        lines.add("History rows per case, by table:");
        lines.add("");
        lines.add("| table | rows |");
        lines.add("|---|---:|");
        historyByTable.entrySet().stream().filter(e -> e.getValue() != 0)
                .sorted((a, b) -> Long.compare(b.getValue(), a.getValue()))
                .forEach(e -> lines.add("| " + e.getKey() + " | " + per(e.getValue()) + " |"));
        return lines;
    }

    /** Every distinct statement of each step with how often it ran per case, to read where a step's count comes from. */
    List<String> statements() {
        List<String> lines = new ArrayList<>();
        steps.forEach((name, step) -> {
            lines.add("## " + name);
            step.statements.forEach((sql, count) -> lines.add(per(count) + "\t" + sql));
        });
        return lines;
    }

    private String largest(Map<String, Long> tables) {
        return tables.entrySet().stream()
                .sorted((a, b) -> Long.compare(b.getValue(), a.getValue()))
                .limit(4)
                .map(e -> e.getKey() + " " + per(e.getValue()))
                .reduce((a, b) -> a + ", " + b)
                .orElse("");
    }

    private String kinds(long[] counts) {
        return per(counts[0]) + "/" + per(counts[1]) + "/" + per(counts[2]) + "/" + per(counts[3]);
    }

    /** Wall time of a step per case (the client's: request, server, response), in milliseconds. */
    private String millis(long nanos) {
        return String.format(Locale.ROOT, "%.1f", nanos / 1e6 / cases);
    }

    private String per(long count) {
        double value = (double) count / cases;
        return value == Math.rint(value) ? String.valueOf((long) value) : String.format(Locale.ROOT, "%.1f", value);
    }

    private static long sum(long[] counts) {
        long sum = 0;
        for (long count : counts) {
            sum += count;
        }
        return sum;
    }
}

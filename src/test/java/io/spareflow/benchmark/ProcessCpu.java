package io.spareflow.benchmark;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * CPU time used so far by this JVM, by the processes it started and waited for (pgbench), and by a PostgreSQL server
 * (its postmaster and every process it started: the backends, the WAL writer, … — those that ended included, as the
 * postmaster's children's time), read from /proc. Differences around a phase give its core time per operation.
 */
final class ProcessCpu {

    /** Linux reports process times in clock ticks of 1/100 s on every common platform (USER_HZ). */
    private static final double MS_PER_TICK = 10.0;

    private ProcessCpu() {
    }

    static double jvmMillis() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime() / 1e6;
    }

    /** CPU time in ms of the processes this JVM started and has waited for; 0 where /proc is not there. */
    static double endedChildrenMillis() {
        try {
            String[] fields = fields(Files.readString(Path.of("/proc/self/stat")));
            return (Long.parseLong(fields[13]) + Long.parseLong(fields[14])) * MS_PER_TICK;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** The postmaster's and its children's CPU time in ms; 0 where /proc is not there. */
    static double postgresMillis(long postmasterPid) {
        Path proc = Path.of("/proc");
        if (!Files.isDirectory(proc)) {
            return 0;
        }
        try (Stream<Path> processes = Files.list(proc)) {
            return processes.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                    .mapToDouble(p -> ticksIfPostgres(p, postmasterPid)).sum() * MS_PER_TICK;
        } catch (IOException e) {
            return 0;
        }
    }

    /**
     * CPU time in ms of this JVM's threads by their Linux name (/proc/self/task; names cut to 15 characters, threads of
     * one name summed), the threads ThreadMXBean does not see included; empty where /proc is not there.
     */
    static Map<String, Double> threadMillisByName() {
        Map<String, Double> byName = new HashMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            tasks.forEach(task -> {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    String[] fields = fields(stat);
                    byName.merge(stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')')),
                            (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * MS_PER_TICK, Double::sum);
                } catch (IOException | RuntimeException ended) {
                    // the thread ended while the list was read
                }
            });
        } catch (IOException noProc) {
            return byName;
        }
        return byName;
    }

    /** The fields of /proc/…/stat after the command name (which is in parentheses and may contain spaces). */
    private static String[] fields(String stat) {
        return stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    }

    private static double ticksIfPostgres(Path process, long postmasterPid) {
        try {
            String[] fields = fields(Files.readString(process.resolve("stat")));
            long pid = Long.parseLong(process.getFileName().toString());
            long parent = Long.parseLong(fields[1]);
            long own = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            return pid == postmasterPid ? own + Long.parseLong(fields[13]) + Long.parseLong(fields[14])
                    : parent == postmasterPid ? own : 0;
        } catch (IOException | RuntimeException gone) {
            return 0; // the process ended while the list was read
        }
    }
}

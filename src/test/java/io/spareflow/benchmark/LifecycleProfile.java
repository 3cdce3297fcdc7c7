package io.spareflow.benchmark;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where the JVM's CPU goes while lifecycles run: exact CPU time per thread group (ThreadMXBean, before and after; the
 * rest of the process's CPU is the garbage collector, the JIT compilers and the VM's own threads), and from a JFR
 * {@code profile} recording of the same span the request threads' samples by library ({@link CpuSplit}) and by the
 * lifecycle step whose REST call was running ({@link LifecycleSteps#calls}).
 */
final class LifecycleProfile {

    static final String REQUEST_THREADS = "http-nio";

    /** Thread groups by name prefix, in the order shown; threads matching none count as "other Java threads". */
    private static final Map<String, String> GROUPS = new LinkedHashMap<>();

    static {
        GROUPS.put(REQUEST_THREADS, "server request threads (Tomcat `http-nio-*`)");
        GROUPS.put("main", "client and harness (`main`: TestRestTemplate, the recording's history counts)");
        GROUPS.put("camundaTaskExecutor", "job executor (`camundaTaskExecutor-*`)");
        GROUPS.put("scheduling", "Spring scheduling (`scheduling-*`: mail outbox, inbound poll)");
        GROUPS.put("smtp", "embedded mail server (GreenMail's `smtp`, `imap` threads)");
        GROUPS.put("imap", "embedded mail server (GreenMail's `smtp`, `imap` threads)");
    }

    private static final CpuSplit LIBRARIES = new CpuSplit()
            .work("Camunda engine command (CommandExecutorImpl.execute)", f -> f.equals("org.camunda.bpm.engine.impl.interceptor.CommandExecutorImpl.execute"))
            .work("Spring Security filter chain", f -> f.equals("org.springframework.security.web.FilterChainProxy.doFilter"))
            .work("transaction commit", f -> f.endsWith("AbstractPlatformTransactionManager.commit"))
            .work("Hibernate flush", f -> f.startsWith("org.hibernate.event.internal.DefaultFlushEventListener"))
            .work("JSON (Jackson, read and write)", f -> f.startsWith("com.fasterxml.jackson.databind.ObjectMapper")
                    || f.startsWith("org.springframework.http.converter.json"))
            .work("mail rendering and outbox (io.spareflow.notify)", f -> f.startsWith("io.spareflow.notify"))
            .work("benchmark's statement counter (JDK proxy)", f -> f.startsWith("io.spareflow.benchmark.StatementCounter"))
            .library("PostgreSQL JDBC driver", f -> f.startsWith("org.postgresql"))
            .library("Hikari pool", f -> f.startsWith("com.zaxxer"))
            .library("MyBatis (Camunda's SQL mapping)", f -> f.startsWith("org.apache.ibatis"))
            .library("Camunda JUEL expressions", f -> f.startsWith("org.camunda.bpm.impl.juel"))
            .library("Camunda engine", f -> f.startsWith("org.camunda"))
            .library("Hibernate", f -> f.startsWith("org.hibernate"))
            .library("Jackson", f -> f.startsWith("com.fasterxml"))
            .library("Thymeleaf", f -> f.startsWith("org.thymeleaf") || f.startsWith("org.attoparser"))
            .library("Spring Security", f -> f.startsWith("org.springframework.security"))
            .library("Spring (web, transactions, data, context)", f -> f.startsWith("org.springframework"))
            .library("Tomcat", f -> f.startsWith("org.apache.catalina") || f.startsWith("org.apache.coyote") || f.startsWith("org.apache.tomcat"))
            .library("logging (Logback, SLF4J)", f -> f.startsWith("ch.qos.logback") || f.startsWith("org.slf4j"))
            .library("benchmark's statement counter", f -> f.startsWith("io.spareflow.benchmark"))
            .library("Spareflow's own code", f -> f.startsWith("io.spareflow"));

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final Recording recording = new Recording(Configuration.getConfiguration("profile"));
    private final Map<Long, Long> cpuBefore;
    private final Map<String, Double> nativeBefore;
    private final double jvmBefore;

    private LifecycleProfile() throws Exception {
        cpuBefore = threadCpu();
        nativeBefore = NativeThreads.cpuMillis();
        jvmBefore = ProcessCpu.jvmMillis();
        recording.start();
    }

    static LifecycleProfile start() throws Exception {
        return new LifecycleProfile();
    }

    /** Stops the recording and describes, per case of the {@code cases} run since the start, where the CPU went. */
    String stop(Path jfr, int cases, List<LifecycleSteps.Call> calls) throws Exception {
        recording.stop();
        double jvm = ProcessCpu.jvmMillis() - jvmBefore;
        Map<Long, Long> cpuAfter = threadCpu();
        Files.createDirectories(jfr.getParent());
        recording.dump(jfr);
        recording.close();

        Map<String, Double> byGroup = new LinkedHashMap<>();
        GROUPS.values().forEach(g -> byGroup.put(g, 0.0));
        String other = "other Java threads";
        byGroup.put(other, 0.0);
        double javaThreads = 0;
        for (Map.Entry<Long, Long> after : cpuAfter.entrySet()) {
            ThreadInfo info = threads.getThreadInfo(after.getKey());
            if (info == null || info.getThreadName().startsWith("JFR ")) {
                continue; // ended, or counted with the recording's threads below
            }
            double ms = (after.getValue() - cpuBefore.getOrDefault(after.getKey(), 0L)) / 1e6;
            javaThreads += ms;
            byGroup.merge(group(info.getThreadName()).orElse(other), ms, Double::sum);
        }
        Map<String, Double> nativeAfter = NativeThreads.cpuMillis();
        double nativeThreads = 0;
        for (Map.Entry<String, Double> kind : nativeAfter.entrySet()) {
            double ms = kind.getValue() - nativeBefore.getOrDefault(kind.getKey(), 0.0);
            nativeThreads += ms;
            byGroup.put(kind.getKey(), ms);
        }
        byGroup.put("the VM's other threads, and threads that ended meanwhile (the rest of the process's CPU)", jvm - javaThreads - nativeThreads);

        StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
                "JVM CPU per case while %d lifecycles were profiled: %.1f ms%n%n| threads | CPU ms per case | share |%n|---|---:|---:|%n", cases, jvm / cases));
        byGroup.forEach((group, ms) -> out.append(String.format(Locale.ROOT, "| %s | %.1f | %.1f %% |%n", group, ms / cases, 100 * ms / jvm)));
        double requestMillis = byGroup.get(GROUPS.get(REQUEST_THREADS));
        out.append("\n").append(bySteps(jfr, calls, requestMillis / cases));
        out.append("\n### The server's request threads by library and work\n\n").append(LIBRARIES.of(jfr, REQUEST_THREADS));
        return out.toString();
    }

    /** The request threads' samples by the step whose call was running when each was taken, as CPU ms per case. */
    private String bySteps(Path jfr, List<LifecycleSteps.Call> calls, double requestMillisPerCase) throws Exception {
        Map<String, Integer> samples = new LinkedHashMap<>();
        calls.forEach(call -> samples.putIfAbsent(call.name(), 0));
        String between = "between calls";
        samples.put(between, 0);
        int total = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(jfr)) {
            if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getThread("sampledThread") == null
                    || !String.valueOf(event.getThread("sampledThread").getJavaName()).startsWith(REQUEST_THREADS)) {
                continue;
            }
            total++;
            samples.merge(stepAt(calls, event.getStartTime()).orElse(between), 1, Integer::sum);
        }
        int all = total;
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
                "Request threads by lifecycle step (%d JFR samples; CPU ms = the step's share of the samples × the request threads' CPU):%n%n"
                        + "| step | samples | share | request-thread CPU ms per case |%n|---|---:|---:|---:|%n", all));
        samples.forEach((step, n) -> out.append(String.format(Locale.ROOT, "| %s | %d | %.1f %% | %.1f |%n", step, n,
                all == 0 ? 0 : 100.0 * n / all, all == 0 ? 0 : requestMillisPerCase * n / all)));
        return out.toString();
    }

    private static Optional<String> stepAt(List<LifecycleSteps.Call> calls, Instant at) {
        return calls.stream().filter(c -> !at.isBefore(c.start()) && !at.isAfter(c.end())).map(LifecycleSteps.Call::name).findFirst();
    }

    private static Optional<String> group(String thread) {
        return GROUPS.entrySet().stream().filter(g -> thread.toLowerCase(Locale.ROOT).startsWith(g.getKey().toLowerCase(Locale.ROOT)))
                .map(Map.Entry::getValue).findFirst();
    }

    /**
     * The CPU time of the JVM's threads that are not Java threads (ThreadMXBean does not see them), by kind
     * ({@link ProcessCpu#threadMillisByName}); empty where /proc is not there.
     */
    private static final class NativeThreads {

        private static final Map<String, String> KINDS = Map.of(
                "C2 CompilerThre", "JIT compiler threads (C1, C2)", "C1 CompilerThre", "JIT compiler threads (C1, C2)",
                "GC Thread#", "garbage collector threads (G1)", "G1 ", "garbage collector threads (G1)",
                "JFR ", "JFR's own threads (the recording)");

        static Map<String, Double> cpuMillis() {
            Map<String, Double> byKind = new LinkedHashMap<>();
            ProcessCpu.threadMillisByName().forEach((name, ms) -> KINDS.entrySet().stream()
                    .filter(k -> name.startsWith(k.getKey())).findFirst()
                    .ifPresent(k -> byKind.merge(k.getValue(), ms, Double::sum)));
            return byKind;
        }
    }

    private Map<Long, Long> threadCpu() {
        Map<Long, Long> cpu = new HashMap<>();
        for (long id : threads.getAllThreadIds()) {
            long ns = threads.getThreadCpuTime(id);
            if (ns >= 0) {
                cpu.put(id, ns);
            }
        }
        return cpu;
    }
}

package io.spareflow.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import io.spareflow.SpareflowIntegrationTest;
import io.spareflow.customer.Customers;
import io.spareflow.customer.SiteInfo;
import io.spareflow.sourcing.internal.Quotes;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What HTTP adds to an API call: the same spare quote (one part, one site) called in process ({@link Quotes#quote})
 * and through {@code POST /api/sourcing/quotes} with HTTP Basic, one client, p50/p99; beside it the floor of the
 * stack, {@code GET /css/spareflow.css} (a static file: no authentication, no database). The three are called in turn,
 * call by call, so they share the machine's load. The measurement runs under a Java Flight Recorder profile, and the CPU samples of the server's request threads are split by what they were in
 * (security filter chain, authentication, user look-up, JSON, logging, the quote itself). Run:
 * <pre>mvn -B test -Pbenchmark -Dtest=HttpOverheadBenchmark</pre>
 * Writes target/benchmark/http-overhead.md and the recording target/benchmark/http-overhead.jfr.
 */
@SpareflowIntegrationTest
class HttpOverheadBenchmark {

    private static final int CALLS = Integer.getInteger("benchmark.calls", 3000);
    private static final String PART = "130103811";

    /** The work a request thread's CPU sample belongs to when its frame is on the stack (first match wins). */
    private static final Map<String, Predicate<String>> WORK = work();
    /** Where a request thread's CPU sample was otherwise, by the frame nearest the top of its stack. */
    private static final Map<String, Predicate<String>> PLACES = places();
    private static final String OTHER = "other (JDK, Spring core, …)";

    @LocalServerPort
    int port;
    @Autowired
    Quotes quotes;
    @Autowired
    Customers customers;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String auth = "Basic " + Base64.getEncoder().encodeToString("agent:demo".getBytes(StandardCharsets.UTF_8));

    @Test
    void httpOverheadOfAQuote() throws Exception {
        SiteInfo site = customers.all().stream().flatMap(c -> c.sites().stream()).findFirst().orElseThrow();
        String body = "{\"partNumber\":\"" + PART + "\",\"siteId\":" + site.id() + "}";
        StringBuilder report = new StringBuilder("| call | calls | p50 ms | p99 ms |\n|---|---:|---:|---:|\n");

        Path jfr = Path.of("target/benchmark/http-overhead.jfr");
        Files.createDirectories(jfr.getParent());
        Runnable inProcessCall = () -> quotes.quote(PART, site.id(), null, null, null);
        Runnable httpCall = () -> send(HttpRequest.newBuilder(uri("/api/sourcing/quotes"))
                .header("Content-Type", "application/json").header("Authorization", auth)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
        Runnable staticCall = () -> send(HttpRequest.newBuilder(uri("/css/spareflow.css")).GET().build());
        long[][] latencies;
        String loadBefore = MachineLoad.now();
        try (Recording recording = new Recording(Configuration.getConfiguration("profile"))) {
            recording.start();
            latencies = alternated(List.of(inProcessCall, httpCall, staticCall));
            recording.stop();
            recording.dump(jfr);
        }
        long[] inProcess = latencies[0];
        long[] overHttp = latencies[1];
        long[] staticFile = latencies[2];
        report.append(String.format(Locale.ROOT, "Load average (1 min) before / after: %s / %s%n%n", loadBefore, MachineLoad.now()));
        row(report, "Quotes.quote in process", inProcess);
        row(report, "POST /api/sourcing/quotes (HTTP Basic)", overHttp);
        row(report, "GET /css/spareflow.css (static file, no authentication)", staticFile);
        report.append(String.format(Locale.ROOT, "%nHTTP overhead (HTTP p50 − in-process p50): %.2f ms%n%n",
                (p(overHttp, 50) - p(inProcess, 50)) / 1e6));
        report.append(where(jfr));
        System.out.println(report);
        Files.writeString(Path.of("target/benchmark/http-overhead.md"), report);
        assertThat(p(overHttp, 50)).isPositive();
    }

    /**
     * The calls one after the other, call by call, in a rotating order, so that every kind sees the same load of the
     * machine (which on a shared machine changes from second to second) and none always runs right after another.
     */
    private long[][] alternated(List<Runnable> calls) {
        for (int i = 0; i < 300; i++) {
            calls.forEach(Runnable::run); // warm-up: JIT, caches, connections, the remembered credentials
        }
        long[][] latencies = new long[calls.size()][CALLS];
        for (int i = 0; i < CALLS; i++) {
            for (int k = 0; k < calls.size(); k++) {
                int which = (i + k) % calls.size();
                long t0 = System.nanoTime();
                calls.get(which).run();
                latencies[which][i] = System.nanoTime() - t0;
            }
        }
        for (long[] sorted : latencies) {
            Arrays.sort(sorted);
        }
        return latencies;
    }


    private void send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(request.uri() + " answered " + response.statusCode() + ": " + response.body());
            }
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static long p(long[] sorted, int percent) {
        return sorted[Math.min(sorted.length - 1, sorted.length * percent / 100)];
    }

    private static void row(StringBuilder report, String what, long[] sorted) {
        report.append(String.format(Locale.ROOT, "| %s | %,d | %.2f | %.2f |%n", what, sorted.length, p(sorted, 50) / 1e6,
                p(sorted, 99) / 1e6));
    }

    /** CPU samples of the server's request threads by place, and the hottest methods they were in. */
    private static String where(Path jfr) throws Exception {
        Map<String, Integer> byPlace = new LinkedHashMap<>();
        WORK.keySet().forEach(k -> byPlace.put(k, 0));
        PLACES.keySet().forEach(k -> byPlace.put(k, 0));
        byPlace.put(OTHER, 0);
        Map<String, Integer> selfTime = new TreeMap<>();
        int total = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(jfr)) {
            if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null
                    || event.getThread("sampledThread") == null
                    || !String.valueOf(event.getThread("sampledThread").getJavaName()).startsWith("http-nio")) {
                continue;
            }
            total++;
            List<String> frames = event.getStackTrace().getFrames().stream().map(HttpOverheadBenchmark::name).toList();
            String place = place(frames);
            byPlace.merge(place, 1, Integer::sum);
            if (!frames.isEmpty()) {
                selfTime.merge(frames.get(0), 1, Integer::sum);
            }
        }
        int samples = total;
        StringBuilder out = new StringBuilder("CPU samples of the request threads (JFR, ").append(samples)
                .append(" samples):\n\n| where | share |\n|---|---:|\n");
        byPlace.forEach((place, n) -> out.append(String.format(Locale.ROOT, "| %s | %.0f %% |%n", place,
                samples == 0 ? 0 : 100.0 * n / samples)));
        out.append("\nHottest methods (self):\n\n");
        selfTime.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(15)
                .forEach(e -> out.append(String.format(Locale.ROOT, "- %s: %d%n", e.getKey(), e.getValue())));
        return out.toString();
    }

    private static String name(RecordedFrame frame) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }

    /**
     * The work a sample belongs to: the quote or the user look-up when either is on the stack (with the SQL they run);
     * else the place of the frame nearest the top of the stack that has one. Nearest the top, because a filter's
     * frame stays on the stack while the rest of the chain runs under it: counting any frame on the stack would put
     * all of Spring MVC and Jackson under the first security filter.
     */
    private static String place(List<String> frames) {
        for (Map.Entry<String, Predicate<String>> work : WORK.entrySet()) {
            if (frames.stream().anyMatch(work.getValue())) {
                return work.getKey();
            }
        }
        for (String frame : frames) {
            for (Map.Entry<String, Predicate<String>> place : PLACES.entrySet()) {
                if (place.getValue().test(frame)) {
                    return place.getKey();
                }
            }
        }
        return OTHER;
    }

    private static Map<String, Predicate<String>> work() {
        Map<String, Predicate<String>> work = new LinkedHashMap<>();
        work.put("the quote itself (Quotes.quote, with its SQL)", f -> f.startsWith("io.spareflow.sourcing.internal.Quotes.quote"));
        work.put("user look-up per request (Users.find, with its SQL)", f -> f.startsWith("io.spareflow.user.Users.find"));
        return work;
    }

    private static Map<String, Predicate<String>> places() {
        Map<String, Predicate<String>> places = new LinkedHashMap<>();
        places.put("authentication (providers, remembered credentials, BCrypt)", f -> f.contains("AuthenticationProvider")
                || f.contains("ProviderManager") || f.contains("crypto.bcrypt"));
        places.put("security filter chain (the filters themselves)", f -> f.startsWith("org.springframework.security"));
        places.put("metrics and observation", f -> f.startsWith("io.micrometer"));
        places.put("logging", f -> f.startsWith("ch.qos.logback") || f.startsWith("org.slf4j"));
        places.put("JSON (Jackson)", f -> f.startsWith("com.fasterxml.jackson"));
        places.put("bean validation", f -> f.startsWith("org.hibernate.validator"));
        places.put("Spring MVC dispatch", f -> f.startsWith("org.springframework.web"));
        places.put("Tomcat", f -> f.startsWith("org.apache"));
        return places;
    }

}

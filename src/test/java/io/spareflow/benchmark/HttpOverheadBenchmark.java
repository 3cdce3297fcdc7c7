package io.spareflow.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.spareflow.SpareflowIntegrationTest;
import io.spareflow.board.Boards;
import io.spareflow.customer.Customers;
import io.spareflow.customer.SiteInfo;
import io.spareflow.scan.Scans;
import io.spareflow.sourcing.internal.Quotes;
import io.spareflow.user.StaffUser;
import io.spareflow.user.Users;
import io.spareflow.user.internal.UserLookup;
import java.lang.reflect.Field;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import jdk.jfr.Configuration;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;
import org.apache.catalina.Context;
import org.apache.catalina.connector.Connector;
import org.apache.tomcat.util.descriptor.web.FilterMap;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.embedded.tomcat.TomcatWebServer;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.web.DefaultSecurityFilterChain;
import org.springframework.security.web.FilterChainProxy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;

/**
 * What HTTP adds to an API call, for two operations: the spare quote (one part, one site) called in process
 * ({@link Quotes#quote}) and through {@code POST /api/sourcing/quotes}, and a RECEIVE scan of a board in transit
 * ({@link Scans#scan}) and through {@code POST /api/scans}, each with HTTP Basic, one client, p50/p99. Beside them the
 * floor of the stack, {@code GET /css/spareflow.css} (a static file: no authentication, no database), and the client's
 * own share: the same static file, the same quote and the same scan sent by {@link RawHttp} (one keep-alive socket read on the
 * calling thread) besides {@code java.net.http.HttpClient}; same-run A/Bs: the quote and the raw scan with the user
 * read from the database on every request (as before users were kept in memory), the quote with its JSON answer chunked as Spring's own converter sends it, and the quote and the static file through a second
 * connector with Tomcat's NIO2 protocol. All kinds are called in turn, call by call, in a random
 * order, so they share the machine's load. The measurement runs under a Java Flight Recorder profile whose CPU samples
 * of the server's request threads are split by what they were in; the report also lists what a request runs (the
 * servlet filters in order, Spring Security's chains and their filters, the handler mappings). Run:
 * <pre>mvn -B -o test -Pbenchmark -Dtest=HttpOverheadBenchmark -Dbenchmark.calls=3000</pre>
 * Writes target/benchmark/http-overhead.md and the recording target/benchmark/http-overhead.jfr.
 */
@SpareflowIntegrationTest
class HttpOverheadBenchmark {

    private static final int CALLS = Integer.getInteger("benchmark.calls", 3000);
    private static final int WARM_UP = 300;
    private static final String PART = "130103811";
    /** Positions of the calls compared in the report, in the list of calls of {@link #httpOverheadOfAQuoteAndAScan}. */
    private static final int QUOTE = 0, QUOTE_HTTP = 1, QUOTE_RAW = 2, QUOTE_RAW_READ_PER_REQUEST = 3, STATIC_HTTP = 4, STATIC_RAW = 5,
            SCAN = 8, SCAN_HTTP = 9, QUOTE_RAW_NIO2 = 10, STATIC_RAW_NIO2 = 11,
            QUOTE_RAW_CHUNKED = 12, SCAN_RAW = 13, SCAN_RAW_READ_PER_REQUEST = 14;

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
    @Autowired
    Scans scans;
    @Autowired
    Boards boards;
    @Autowired
    Users users;
    @Autowired
    UserLookup userLookup;
    @Autowired
    AuthenticationProvider authenticationProvider;
    @Autowired
    ServletWebServerApplicationContext context;
    @Autowired
    FilterChainProxy securityFilters;
    @Autowired
    DispatcherServlet dispatcher;
    @Autowired
    RequestMappingHandlerAdapter handlerAdapter;
    @Autowired
    ObjectMapper objectMapper;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String agent = "Basic " + Base64.getEncoder().encodeToString("agent:demo".getBytes(StandardCharsets.UTF_8));
    private final String depot = "Basic " + Base64.getEncoder().encodeToString("depot-CTU:demo".getBytes(StandardCharsets.UTF_8));

    /** One kind of call of the benchmark, measured under {@code name}. */
    private record Call(String name, Runnable run) {
    }

    /** Marks each call in the recording, so that the request threads' CPU samples are split by the call they served. */
    @Name("io.spareflow.benchmark.HttpOverheadCall")
    @Label("HTTP overhead benchmark call")
    static final class CallEvent extends Event {
        @Label("call")
        String call;
    }

    /** A call's time span in the recording. */
    private record Span(long start, long end, String call) {
    }

    @Test
    void httpOverheadOfAQuoteAndAScan() throws Exception {
        SiteInfo site = customers.all().stream().flatMap(c -> c.sites().stream()).findFirst().orElseThrow();
        String quote = "{\"partNumber\":\"" + PART + "\",\"siteId\":" + site.id() + "}";
        StaffUser depotUser = users.require("depot-CTU");
        Iterator<String> inProcessBoards = ReceiveScans.inTransit(boards, "HTTP", WARM_UP + CALLS).iterator();
        Iterator<String> httpBoards = ReceiveScans.inTransit(boards, "HTTP", WARM_UP + CALLS).iterator();
        Iterator<String> rawBoards = ReceiveScans.inTransit(boards, "HTTP", WARM_UP + CALLS).iterator();
        Iterator<String> rawReadBoards = ReceiveScans.inTransit(boards, "HTTP", WARM_UP + CALLS).iterator();
        Connector nio2 = nio2Connector();
        try (RawHttp raw = new RawHttp(port); RawHttp rawNio2 = new RawHttp(nio2.getLocalPort())) {
            List<Call> calls = List.of(
                    new Call("Quotes.quote in process", () -> quotes.quote(PART, site.id(), null, null, null)),
                    new Call("POST /api/sourcing/quotes (HTTP Basic, JDK HttpClient)", () -> send(HttpRequest.newBuilder(uri("/api/sourcing/quotes"))
                            .header("Content-Type", "application/json").header("Authorization", agent)
                            .POST(HttpRequest.BodyPublishers.ofString(quote)).build())),
                    new Call("POST /api/sourcing/quotes (HTTP Basic, raw socket)", () -> expectOk(raw.exchange("POST",
                            "/api/sourcing/quotes", quote, "Content-Type: application/json", "Authorization: " + agent))),
                    new Call("POST /api/sourcing/quotes (HTTP Basic, raw socket, the user read per request as before)",
                            () -> withUserReadPerRequest(() -> expectOk(raw.exchange("POST", "/api/sourcing/quotes", quote,
                                    "Content-Type: application/json", "Authorization: " + agent)))),
                    new Call("GET /css/spareflow.css (static file, JDK HttpClient)", () -> send(HttpRequest.newBuilder(uri("/css/spareflow.css")).GET().build())),
                    new Call("GET /css/spareflow.css (static file, raw socket)", () -> expectOk(raw.exchange("GET", "/css/spareflow.css", null))),
                    new Call("Users.find in process (a read-only JPA transaction)", () -> users.find("agent")),
                    new Call("UserLookup.find in process (one statement: the look-up each request with credentials made before users were kept, a miss makes now)", () -> userLookup.find("agent")),
                    new Call("Scans.scan in process (RECEIVE)", () -> scans.scan(ReceiveScans.request(inProcessBoards.next()), depotUser)),
                    new Call("POST /api/scans (RECEIVE, HTTP Basic, JDK HttpClient)", () -> send(HttpRequest.newBuilder(uri("/api/scans"))
                            .header("Content-Type", "application/json").header("Authorization", depot)
                            .POST(HttpRequest.BodyPublishers.ofString(ReceiveScans.json(httpBoards.next()))).build())),
                    new Call("POST /api/sourcing/quotes (HTTP Basic, raw socket, NIO2 connector)", () -> expectOk(rawNio2.exchange("POST",
                            "/api/sourcing/quotes", quote, "Content-Type: application/json", "Authorization: " + agent))),
                    new Call("GET /css/spareflow.css (static file, raw socket, NIO2 connector)",
                            () -> expectOk(rawNio2.exchange("GET", "/css/spareflow.css", null))),
                    new Call("POST /api/sourcing/quotes (HTTP Basic, raw socket, the JSON answer chunked as before)",
                            () -> withChunkedJson(() -> expectOk(raw.exchange("POST", "/api/sourcing/quotes", quote,
                                    "Content-Type: application/json", "Authorization: " + agent)))),
                    new Call("POST /api/scans (RECEIVE, HTTP Basic, raw socket)", () -> expectOk(raw.exchange("POST",
                            "/api/scans", ReceiveScans.json(rawBoards.next()), "Content-Type: application/json", "Authorization: " + depot))),
                    new Call("POST /api/scans (RECEIVE, HTTP Basic, raw socket, the user read per request as before)",
                            () -> withUserReadPerRequest(() -> expectOk(raw.exchange("POST", "/api/scans",
                                    ReceiveScans.json(rawReadBoards.next()), "Content-Type: application/json", "Authorization: " + depot)))));
            Path jfr = Path.of("target/benchmark/http-overhead.jfr");
            Files.createDirectories(jfr.getParent());
            long[][] latencies;
            String loadBefore = MachineLoad.now();
            try (Recording recording = new Recording(Configuration.getConfiguration("profile"))) {
                recording.start();
                latencies = alternated(calls);
                recording.stop();
                recording.dump(jfr);
            }
            StringBuilder report = new StringBuilder(String.format(Locale.ROOT,
                    "Load average (1 min) before / after: %s / %s%n%n| call | calls | p50 ms | p99 ms |%n|---|---:|---:|---:|%n",
                    loadBefore, MachineLoad.now()));
            for (int k = 0; k < calls.size(); k++) {
                row(report, calls.get(k).name(), latencies[k]);
            }
            report.append(String.format(Locale.ROOT, "%nHTTP overhead (HTTP p50 − in-process p50):%n%n"
                            + "- quote, JDK HttpClient: %.2f ms%n- quote, raw socket: %.2f ms%n"
                            + "- quote, raw socket, the user read per request as before: %.2f ms%n- scan, JDK HttpClient: %.2f ms%n"
                            + "- scan, raw socket: %.2f ms%n- scan, raw socket, the user read per request as before: %.2f ms%n"
                            + "- the client's own share (static file, JDK HttpClient − raw socket): %.2f ms%n"
                            + "- quote, raw socket, NIO2 connector: %.2f ms (static file: %.2f ms p50 against %.2f ms on NIO)%n"
                            + "- quote, raw socket, the JSON answer chunked as before (no Content-Length, two writes): %.2f ms%n%n",
                    ms(p(latencies[QUOTE_HTTP], 50) - p(latencies[QUOTE], 50)), ms(p(latencies[QUOTE_RAW], 50) - p(latencies[QUOTE], 50)),
                    ms(p(latencies[QUOTE_RAW_READ_PER_REQUEST], 50) - p(latencies[QUOTE], 50)),
                    ms(p(latencies[SCAN_HTTP], 50) - p(latencies[SCAN], 50)), ms(p(latencies[SCAN_RAW], 50) - p(latencies[SCAN], 50)),
                    ms(p(latencies[SCAN_RAW_READ_PER_REQUEST], 50) - p(latencies[SCAN], 50)),
                    ms(p(latencies[STATIC_HTTP], 50) - p(latencies[STATIC_RAW], 50)),
                    ms(p(latencies[QUOTE_RAW_NIO2], 50) - p(latencies[QUOTE], 50)), ms(p(latencies[STATIC_RAW_NIO2], 50)),
                    ms(p(latencies[STATIC_RAW], 50)), ms(p(latencies[QUOTE_RAW_CHUNKED], 50) - p(latencies[QUOTE], 50))));
            report.append(where(jfr, calls)).append(whatARequestRuns());
            System.out.println(report);
            Files.writeString(Path.of("target/benchmark/http-overhead.md"), report);
            assertThat(p(latencies[QUOTE_HTTP], 50)).isPositive();
        }
    }

    /**
     * A second connector on the running server, with Tomcat's NIO2 protocol instead of NIO and otherwise Tomcat's
     * defaults plus the main connector's URI encoding: a same-run A/B of the protocol, call by call.
     */
    private Connector nio2Connector() {
        org.apache.catalina.startup.Tomcat tomcat = ((TomcatWebServer) context.getWebServer()).getTomcat();
        Connector nio2 = new Connector("org.apache.coyote.http11.Http11Nio2Protocol");
        nio2.setPort(0);
        nio2.setURIEncoding(tomcat.getConnector().getURIEncoding());
        tomcat.getService().addConnector(nio2);
        return nio2;
    }

    /**
     * The calls one after the other, call by call, each round in a new random order (seeded), so that every kind sees
     * the same load of the machine (which on a shared machine changes from second to second) and follows every other
     * kind as often: a call right after one over the JDK client shares the cores with that client's threads still
     * winding down (a rotating order put each kind always after the same one).
     */
    private long[][] alternated(List<Call> calls) {
        for (int i = 0; i < WARM_UP; i++) {
            calls.forEach(call -> call.run().run()); // warm-up: JIT, caches, connections, the remembered credentials
        }
        long[][] latencies = new long[calls.size()][CALLS];
        List<Integer> order = new ArrayList<>(java.util.stream.IntStream.range(0, calls.size()).boxed().toList());
        java.util.Random random = new java.util.Random(15);
        for (int i = 0; i < CALLS; i++) {
            java.util.Collections.shuffle(order, random);
            for (int k = 0; k < calls.size(); k++) {
                int which = order.get(k);
                CallEvent event = new CallEvent();
                event.call = calls.get(which).name();
                event.begin();
                long t0 = System.nanoTime();
                calls.get(which).run().run();
                latencies[which][i] = System.nanoTime() - t0;
                event.commit();
            }
        }
        for (long[] sorted : latencies) {
            Arrays.sort(sorted);
        }
        return latencies;
    }

    /**
     * Runs {@code call} while the remembered-credentials provider reads the user from the database on every request
     * ({@link UserLookup#find}, as before the users were kept in memory), for a same-run A/B of keeping them.
     * Reflection, because nothing in the service offers the old way any more; one client, so no other request sees
     * the swap.
     */
    private void withUserReadPerRequest(Runnable call) {
        try {
            Field delegate = authenticationProvider.getClass().getDeclaredField("delegate");
            delegate.setAccessible(true);
            Object remembered = delegate.get(authenticationProvider);
            Field lookUp = remembered.getClass().getDeclaredField("users");
            lookUp.setAccessible(true);
            Object current = lookUp.get(remembered);
            Function<String, Optional<StaffUser>> readPerRequest = userLookup::find;
            lookUp.set(remembered, readPerRequest);
            try {
                call.run();
            } finally {
                lookUp.set(remembered, current);
            }
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("the authentication provider is not built as the benchmark expects", e);
        }
    }

    /**
     * Runs {@code call} while JSON answers are written by Spring's own Jackson converter (streamed, flushed: Tomcat
     * sends them chunked, the closing chunk in a second write) instead of the application's, which sends them with
     * their length in one write: a same-run A/B. The handler adapter's converter list is the one its return-value
     * handlers read; one client, so no other request sees the swap.
     */
    private void withChunkedJson(Runnable call) {
        List<HttpMessageConverter<?>> converters = handlerAdapter.getMessageConverters();
        int at = -1;
        for (int i = 0; i < converters.size() && at < 0; i++) {
            at = converters.get(i).getClass().getSimpleName().equals("SizedJsonConverter") ? i : -1;
        }
        if (at < 0) {
            throw new IllegalStateException("no SizedJsonConverter among " + converters);
        }
        HttpMessageConverter<?> sized = converters.set(at, new MappingJackson2HttpMessageConverter(objectMapper));
        try {
            call.run();
        } finally {
            converters.set(at, sized);
        }
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

    private static void expectOk(int status) {
        if (status != 200) {
            throw new IllegalStateException("answered " + status);
        }
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    private static long p(long[] sorted, int percent) {
        return sorted[Math.min(sorted.length - 1, sorted.length * percent / 100)];
    }

    private static void row(StringBuilder report, String what, long[] sorted) {
        report.append(String.format(Locale.ROOT, "| %s | %,d | %.2f | %.2f |%n", what, sorted.length, ms(p(sorted, 50)),
                ms(p(sorted, 99))));
    }

    /** The servlet filters in the order Tomcat runs them, Spring Security's chains with their filters, the handler mappings. */
    private String whatARequestRuns() {
        StringBuilder out = new StringBuilder("\nServlet filters, in order (name, class, URL patterns):\n\n");
        Context tomcat = (Context) ((TomcatWebServer) context.getWebServer()).getTomcat().getHost().findChildren()[0];
        for (FilterMap map : tomcat.findFilterMaps()) {
            out.append(String.format(Locale.ROOT, "1. %s (%s) %s%n", map.getFilterName(),
                    tomcat.findFilterDef(map.getFilterName()).getFilterClass(),
                    String.join(" ", map.getURLPatterns()) + (map.getServletNames().length == 0 ? ""
                            : " servlets " + String.join(" ", map.getServletNames()))));
        }
        out.append("\nSpring Security's filter chains, in order (the first whose matcher matches runs):\n\n");
        for (SecurityFilterChain chain : securityFilters.getFilterChains()) {
            String matcher = chain instanceof DefaultSecurityFilterChain d ? d.getRequestMatcher().toString() : chain.toString();
            out.append("- ").append(matcher).append(": ").append(chain.getFilters().stream()
                    .map(f -> f.getClass().getSimpleName()).collect(Collectors.joining(", "))).append('\n');
        }
        out.append("\nHandler mappings of the DispatcherServlet, in order:\n\n");
        for (HandlerMapping mapping : dispatcher.getHandlerMappings()) {
            out.append("- ").append(mapping.getClass().getSimpleName()).append(mapping instanceof RequestMappingInfoHandlerMapping m
                    ? " (" + m.getHandlerMethods().size() + " mappings)" : "").append('\n');
        }
        return out.toString();
    }

    /**
     * CPU samples of the server's request threads by place, for each kind of HTTP call (by the call running when the
     * sample was taken: one client, so one request at a time) and in all, and the hottest methods they were in.
     */
    private static String where(Path jfr, List<Call> calls) throws Exception {
        List<RecordedEvent> events = RecordingFile.readAllEvents(jfr);
        List<Span> spans = events.stream().filter(e -> e.getEventType().getName().equals("io.spareflow.benchmark.HttpOverheadCall"))
                .map(e -> new Span(nanos(e.getStartTime()), nanos(e.getEndTime()), e.getString("call")))
                .sorted(java.util.Comparator.comparingLong(Span::start)).toList();
        long[] starts = spans.stream().mapToLong(Span::start).toArray();
        Map<String, Map<String, Integer>> byCall = new LinkedHashMap<>();
        Map<String, Long> served = spans.stream().collect(Collectors.groupingBy(Span::call, Collectors.counting()));
        List<String> columns = new ArrayList<>(calls.stream().map(Call::name).filter(n -> n.contains("/")).toList());
        columns.add("all");
        for (String column : columns) {
            Map<String, Integer> byPlace = new LinkedHashMap<>();
            WORK.keySet().forEach(k -> byPlace.put(k, 0));
            PLACES.keySet().forEach(k -> byPlace.put(k, 0));
            byPlace.put(OTHER, 0);
            byCall.put(column, byPlace);
        }
        Map<String, Integer> selfTime = new TreeMap<>();
        for (RecordedEvent event : events) {
            if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null
                    || event.getThread("sampledThread") == null
                    || !String.valueOf(event.getThread("sampledThread").getJavaName()).startsWith("http-nio")) {
                continue;
            }
            List<String> frames = event.getStackTrace().getFrames().stream().map(HttpOverheadBenchmark::name).toList();
            String place = place(frames);
            byCall.get("all").merge(place, 1, Integer::sum);
            int at = Arrays.binarySearch(starts, nanos(event.getStartTime()));
            int span = at >= 0 ? at : -at - 2;
            if (span >= 0 && nanos(event.getStartTime()) <= spans.get(span).end() && byCall.containsKey(spans.get(span).call())) {
                byCall.get(spans.get(span).call()).merge(place, 1, Integer::sum);
            }
            if (!frames.isEmpty()) {
                selfTime.merge(frames.get(0), 1, Integer::sum);
            }
        }
        StringBuilder out = new StringBuilder("CPU samples of the request threads (JFR, one every 10 ms of a running thread), "
                + "by the call they served: the share of that call's samples; last row, the samples and what they make per call (10 ms "
                + "a sample; a thread waiting for PostgreSQL or the network is not sampled)\n\n| where |");
        columns.forEach(c -> out.append(' ').append(c).append(" |"));
        out.append("\n|---|").append("---:|".repeat(columns.size())).append('\n');
        for (String place : byCall.get("all").keySet()) {
            out.append("| ").append(place).append(" |");
            for (String column : columns) {
                int all = byCall.get(column).values().stream().mapToInt(Integer::intValue).sum();
                out.append(String.format(Locale.ROOT, " %.0f %% |", all == 0 ? 0 : 100.0 * byCall.get(column).get(place) / all));
            }
            out.append('\n');
        }
        out.append("| samples (request-thread CPU per call) |");
        for (String column : columns) {
            int all = byCall.get(column).values().stream().mapToInt(Integer::intValue).sum();
            long n = column.equals("all") ? spans.size() : served.getOrDefault(column, 0L);
            out.append(String.format(Locale.ROOT, " %,d (%.2f ms) |", all, n == 0 ? 0 : 10.0 * all / n));
        }
        out.append("\n\nHottest methods (self, all request threads):\n\n");
        selfTime.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(15)
                .forEach(e -> out.append(String.format(Locale.ROOT, "- %s: %d%n", e.getKey(), e.getValue())));
        return out.toString();
    }

    private static long nanos(java.time.Instant instant) {
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }

    private static String name(RecordedFrame frame) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }

    /**
     * The work a sample belongs to: the quote, the scan or the user look-up when one is on the stack (with the SQL
     * they run); else the place of the frame nearest the top of the stack that has one. Nearest the top, because a
     * filter's frame stays on the stack while the rest of the chain runs under it: counting any frame on the stack
     * would put all of Spring MVC and Jackson under the first security filter.
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
        work.put("the scan itself (Scans.scan, with its SQL)", f -> f.startsWith("io.spareflow.scan.Scans.scan"));
        work.put("user look-up per request (KnownUsers.find, UserLookup.find with its SQL)", f -> f.startsWith("io.spareflow.user.internal.KnownUsers.find")
                || f.startsWith("io.spareflow.user.internal.UserLookup.find")
                || f.startsWith("io.spareflow.user.Users.find"));
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

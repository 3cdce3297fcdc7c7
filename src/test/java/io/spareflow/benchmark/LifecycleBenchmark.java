package io.spareflow.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.spareflow.SpareflowIntegrationTest;
import io.spareflow.board.Boards;
import io.spareflow.customer.Customers;
import io.spareflow.customer.SiteInfo;
import io.spareflow.rma.RmaApiClient;
import io.spareflow.rma.RmaFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.builder.AbstractFlowNodeBuilder;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Full case lifecycles per second through the REST API (report, 9 task completions, 10 scans, look-ups), with the cost
 * per case in SQL statements and Camunda history rows, beside a bare Camunda process with the same 13 wait states
 * (6 user tasks, 7 receive tasks) driven through the Java API in the same run.
 * Then {@code benchmark.recorded} more cases with every REST call's statements and history rows recorded
 * ({@link LifecycleSteps}, written to {@code target/lifecycle-steps.md}).
 * <p>Run: {@code mvn -q -B test -Pbenchmark -Dtest=LifecycleBenchmark -Dbenchmark.cases=30} ({@code -Dbenchmark.warmup=3}
 * lifecycles and bare runs first; {@code -Dbenchmark.jfr=true} profiles the recorded cases); figures in docs/performance.md.
 */
@SpareflowIntegrationTest
@Import(StatementCounting.class)
class LifecycleBenchmark {

    private static final int CASES = Integer.getInteger("benchmark.cases", 30);
    private static final int BARE = Integer.getInteger("benchmark.bare", 200);
    private static final int THREADS = Integer.getInteger("benchmark.threads", 4);
    /** Lifecycles and bare runs before anything is measured: the bare process then runs BARE times, the lifecycle CASES. */
    private static final int WARM_UP = Integer.getInteger("benchmark.warmup", 3);

    @Autowired
    TestRestTemplate http;
    @Autowired
    ObjectMapper json;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Boards boards;
    @Autowired
    Customers customers;
    @Autowired
    RepositoryService repository;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    PasswordEncoder passwords;

    private static final int RECORDED_CASES = Integer.getInteger("benchmark.recorded", 3);
    /**
     * Whether the recorded cases run under a JFR {@code profile} recording, split by thread, library and step into
     * {@code target/lifecycle-profile.md} ({@link LifecycleProfile}; off by default: the recording costs CPU of its own).
     */
    private static final boolean PROFILE = Boolean.getBoolean("benchmark.jfr");

    private RmaApiClient api;
    private LifecycleSteps steps;
    private RmaFixture fixture;
    private String part;
    private SiteInfo site;
    private final Queue<String> installed = new ConcurrentLinkedQueue<>();

    @Test
    void lifecycleThroughTheApiBesideABareProcess() throws Exception {
        api = new RmaApiClient(http, json);
        fixture = new RmaFixture(jdbc, boards, customers);
        steps = new LifecycleSteps(jdbc);
        part = fixture.part();
        site = fixture.chengdu();
        deployBareProcess();
        setUp(WARM_UP + CASES + (THREADS > 1 ? CASES : 0) + RECORDED_CASES);
        for (int i = 0; i < WARM_UP; i++) {
            lifecycle();
            bare();
        }
        double idlePerSecond = idleStatementsPerSecond();

        List<String> report = new ArrayList<>();
        report.add(String.format(Locale.ROOT, "background statements while idle: %.1f/s (subtracted below)", idlePerSecond));
        report.add(String.format(Locale.ROOT, "BCrypt check of a password (HTTP Basic, on a miss of the remembered credential): %.0f ms", bcryptMillis()));
        report.add(clientPerRequest());
        report.add(measure("bare process, 13 wait states, Java API, 1 thread", BARE, 1, this::bare, idlePerSecond));
        report.add(measure("RMA lifecycle via REST, 1 thread", CASES, 1, this::lifecycle, idlePerSecond));
        if (THREADS > 1) {
            report.add(measure("RMA lifecycle via REST, " + THREADS + " threads", CASES, THREADS, this::lifecycle, idlePerSecond));
        }
        report.add("load average (1 min) at the end: " + MachineLoad.now());
        Files.write(Path.of("target", "lifecycle-benchmark.txt"), report);
        LifecycleProfile profile = PROFILE ? LifecycleProfile.start() : null;
        steps.record(RECORDED_CASES, this::lifecycle);
        if (profile != null) {
            String split = profile.stop(Path.of("target", "benchmark", "lifecycle.jfr"), RECORDED_CASES, steps.calls());
            System.out.println(split);
            Files.writeString(Path.of("target", "lifecycle-profile.md"), split);
        }
        List<String> perStep = steps.report();
        perStep.forEach(System.out::println);
        Files.write(Path.of("target", "lifecycle-steps.md"), perStep);
        Files.write(Path.of("target", "lifecycle-statements.txt"), steps.statements());
    }

    /**
     * The boards of {@code cases} lifecycles, before any is timed: each case's faulty board installed at the site and
     * a spare in stock at CTU for it. Test data, not part of a case's life (which starts with the report). CTU wants
     * the part's repaired boards back (a stock target no count reaches): otherwise each case's board went to the next
     * depot short of the part, whose user signed in for the first time, a BCrypt check in every case that a depot
     * scanning all day does not pay.
     */
    private void setUp(int cases) {
        jdbc.update("insert into stock_target (location_code, part_number, target) values ('CTU', ?, 10000)", part);
        for (int i = 0; i < cases; i++) {
            fixture.inStock(part, "CTU");
            installed.add(fixture.installedAt(part, site));
        }
    }

    /** One advance-exchange case from report to closure, driven as the people and scanners would. */
    private void lifecycle() {
        String faulty = installed.remove();
        String number = steps.step("report the fault", () -> api.report("agent", site.customerCode(), site.id(), faulty));
        complete("agent", number, "Task_AcceptCase", Map.of());
        complete("agent", number, "Task_RemoteDiagnosis", Map.of("diagnosisOutcome", "SPARE_NEEDED"));
        JsonNode spare = steps.step("read the case", () -> api.getCase(number)).get("spare");
        String serial = spare.get("serial").asText();
        String depot = spare.get("depotCode").asText();
        String depotUser = "depot-" + depot;
        scan(depotUser, serial, "PICK", depot, Map.of());
        scan(depotUser, serial, "PACK", depot, Map.of());
        scan(depotUser, serial, "SHIP", depot, Map.of("trackingNumber", "BENCH" + number));
        scan(depotUser, serial, "DELIVER", depot, Map.of("siteId", site.id()));
        scan("tech-RC-SZX", faulty, "DEFECTIVE_RECEIVE", "RC-SZX", Map.of());
        scan("tech-RC-SZX", faulty, "REPAIR_INTAKE", "RC-SZX", Map.of());
        complete("tech-RC-SZX", number, "Task_DiagnoseBoard", Map.of("finding", "laser bias out of range", "diagnosis", "FAULT_CONFIRMED"));
        complete("tech-RC-SZX", number, "Task_RepairBoard", Map.of("actions", "replaced TOSA"));
        complete("tech-RC-SZX", number, "Task_TestBoard", Map.of("testResult", "PASS"));
        String returnDepot = steps.step("read the repair order",
                () -> api.read(api.get("agent", "/api/repairs/" + number).getBody()).get("returnDepot").asText());
        scan("tech-RC-SZX", faulty, "PACK", "RC-SZX", Map.of());
        scan("tech-RC-SZX", faulty, "SHIP", "RC-SZX", Map.of());
        scan("depot-" + returnDepot, faulty, "RECEIVE", returnDepot, Map.of());
        scan("depot-" + returnDepot, faulty, "PUTAWAY", returnDepot, Map.of());
        complete("agent", number, "Task_CloseCase", Map.of("resolution", "exchanged and repaired"));
        if (!"CLOSED".equals(steps.step("read the case", () -> api.getCase(number)).get("state").asText())) {
            throw new IllegalStateException("case " + number + " did not close");
        }
    }

    private void complete(String user, String number, String taskKey, Map<String, Object> fields) {
        String task = steps.step("list tasks (" + user + ")", () -> api.taskOf(user, number, taskKey));
        steps.step("complete " + taskKey, () -> api.completeTask(user, task, fields));
    }

    private void scan(String user, String serial, String action, String location, Map<String, Object> extra) {
        String where = location.startsWith("RC-") ? "repair center" : "depot";
        steps.step("scan " + action + " (" + where + ")", () -> api.scan(user, serial, action, location, extra));
    }

    private static final String[] BARE_WAITS = {"u:accept", "u:diagnose", "r:pick", "r:pack", "r:ship", "r:deliver",
            "r:defective", "r:intake", "u:diagnoseBoard", "u:repair", "u:test", "r:putaway", "u:close"};

    private void deployBareProcess() {
        AbstractFlowNodeBuilder<?, ?> flow = Bpmn.createExecutableProcess("bare-benchmark").camundaHistoryTimeToLive(1).startEvent();
        for (String wait : BARE_WAITS) {
            String id = wait.substring(2);
            flow = wait.startsWith("u:") ? flow.userTask(id).camundaAssignee("agent") : flow.receiveTask(id).message("Bare_" + id);
        }
        BpmnModelInstance model = flow.endEvent().done();
        repository.createDeployment().addModelInstance("bare-benchmark.bpmn", model).deploy();
    }

    private void bare() {
        String id = runtime.startProcessInstanceByKey("bare-benchmark").getId();
        for (String wait : BARE_WAITS) {
            if (wait.startsWith("u:")) {
                tasks.complete(tasks.createTaskQuery().processInstanceId(id).singleResult().getId());
            } else {
                runtime.createMessageCorrelation("Bare_" + wait.substring(2)).processInstanceId(id).correlate();
            }
        }
    }

    private String measure(String name, int runs, int threads, Runnable run, double idlePerSecond) throws Exception {
        String loadBefore = MachineLoad.now();
        long historyBefore = historyRows();
        long statementsBefore = StatementCounter.STATEMENTS.get();
        double cpuBefore = ProcessCpu.jvmMillis();
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                futures.add(pool.submit(run));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        } finally {
            pool.shutdown();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpu = ProcessCpu.jvmMillis() - cpuBefore;
        long statements = StatementCounter.STATEMENTS.get() - statementsBefore;
        long history = historyRows() - historyBefore;
        double perCase = (statements - idlePerSecond * seconds) / runs;
        String line = String.format(Locale.ROOT, "%-52s %4d runs in %6.1f s = %7.2f /s, %6.1f ms each; %6.0f SQL statements and %5.1f history rows per run; JVM CPU %6.1f ms per run; load %s → %s",
                name, runs, seconds, runs / seconds, seconds * 1000 / runs * threads, perCase, (double) history / runs,
                cpu / runs, loadBefore, MachineLoad.now());
        System.out.println(line);
        return line;
    }

    /**
     * What the client's side of a request costs when a {@code TestRestTemplate} is built for it
     * ({@code withBasicAuth} per call, as {@link RmaApiClient} did) against one kept per user: the same authenticated
     * GET, alternated call by call, p50 of each.
     */
    private String clientPerRequest() {
        int calls = 40;
        long[] built = new long[calls];
        long[] kept = new long[calls];
        TestRestTemplate agent = http.withBasicAuth("agent", "demo");
        for (int i = 0; i < calls; i++) {
            long start = System.nanoTime();
            http.withBasicAuth("agent", "demo").getForEntity("/api/tiers", String.class);
            built[i] = System.nanoTime() - start;
            start = System.nanoTime();
            agent.getForEntity("/api/tiers", String.class);
            kept[i] = System.nanoTime() - start;
        }
        Arrays.sort(built);
        Arrays.sort(kept);
        return String.format(Locale.ROOT, "GET /api/tiers as agent, p50 of %d alternated: a client built per request %.1f ms, one kept per user %.1f ms; load %s",
                calls, built[calls / 2] / 1e6, kept[calls / 2] / 1e6, MachineLoad.now());
    }

    private double bcryptMillis() {
        String hash = passwords.encode("demo");
        long start = System.nanoTime();
        for (int i = 0; i < 20; i++) {
            passwords.matches("demo", hash);
        }
        return (System.nanoTime() - start) / 1e6 / 20;
    }

    private double idleStatementsPerSecond() throws InterruptedException {
        long before = StatementCounter.STATEMENTS.get();
        long start = System.nanoTime();
        Thread.sleep(5000);
        return (StatementCounter.STATEMENTS.get() - before) / ((System.nanoTime() - start) / 1e9);
    }

    private long historyRows() {
        List<String> tables = jdbc.queryForList("SELECT table_name FROM information_schema.tables "
                + "WHERE table_schema = current_schema() AND table_name LIKE 'act_hi_%'", String.class);
        long rows = 0;
        for (String table : tables) {
            rows += jdbc.queryForObject("SELECT count(*) FROM " + table, Long.class);
        }
        return rows;
    }
}

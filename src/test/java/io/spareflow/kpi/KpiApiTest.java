package io.spareflow.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.spareflow.SpareflowIntegrationTest;
import io.spareflow.board.BoardStatus;
import io.spareflow.board.CustodyRecord;
import io.spareflow.customer.Customers;
import io.spareflow.customer.SiteInfo;
import io.spareflow.rma.RmaApiTestSupport;
import io.spareflow.user.NewUser;
import io.spareflow.user.Role;
import io.spareflow.user.Users;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * A small known history, made through the application (REST API, scans, the engine's own timers fired early), for a
 * customer of its own so the shared database's other cases do not count; every KPI is then checked against a hand
 * computation from that history.
 * <ul>
 *   <li>A: spare from stock, delivered, defective returned, repaired, back to stock, closed by its first owner; survey 5.</li>
 *   <li>B: acceptance limit missed (breach), resolved remotely, closed; survey 2.</li>
 *   <li>C: transferred to another agent, who resolves and closes it.</li>
 *   <li>D: no stock (backorder), served when a board is put away; delivered; the return is overdue and charge-flagged.</li>
 *   <li>E: spare from stock, delivered, defective returned, no fault found; still open.</li>
 * </ul>
 */
@SpareflowIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KpiApiTest extends RmaApiTestSupport {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final String DEPOT = "CTU";
    private static final String RC = "RC-SZX";

    @Autowired
    TestRestTemplate http;
    @Autowired
    ObjectMapper json;
    @Autowired
    Customers customers;
    @Autowired
    Users users;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ManagementService management;

    private final String run = UUID.randomUUID().toString().substring(0, 6).toUpperCase(Locale.ROOT);
    private final String customer = "KPI" + run;
    private final String secondAgent = "kpi-agent-" + run.toLowerCase(Locale.ROOT);
    private SiteInfo site;
    private final List<String> caseNumbers = new ArrayList<>();
    private final List<String> spares = new ArrayList<>();
    private final List<String> faulty = new ArrayList<>();
    private String period;

    @BeforeAll
    void buildHistory() {
        customers.create(customer, "KPI test operator " + run, "CN");
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        customers.addContract("KPI-" + run, customer, "PLATINUM", today.minusDays(30), today.plusYears(1));
        site = customers.addSite(customer, "KPI test site " + run, "Chengdu", "CN", 30.62, 104.08, "Asia/Shanghai");
        users.create(new NewUser(secondAgent, "demo", "Second agent " + run, secondAgent + "@spareflow.local", Role.AGENT,
                "SZX", "supervisor"));
        // Every clock of the history is due within these days (the defective return within 10 days, repair within 7).
        period = "from=" + today.minusDays(1) + "&to=" + today.plusDays(40) + "&customer=" + customer;
        String part = fixture.part();
        String backorderedPart = fixture.part();

        // A: the whole advance-exchange lifecycle.
        String a = reportAndAccept("agent", fixture.installedAt(part, site));
        spares.add(fixture.inStock(part, DEPOT));
        api.complete("agent", a, "Task_RemoteDiagnosis", Map.of("diagnosisOutcome", "SPARE_NEEDED"));
        deliverSpare(a);
        returnDefective(a);
        api.complete("tech-RC-SZX", a, "Task_DiagnoseBoard", Map.of("finding", "laser bias out of range", "diagnosis", "FAULT_CONFIRMED"));
        api.complete("tech-RC-SZX", a, "Task_RepairBoard", Map.of("actions", "replaced TOSA module"));
        api.complete("tech-RC-SZX", a, "Task_TestBoard", Map.of("testResult", "PASS"));
        String returnDepot = api.read(api.get("agent", "/api/repairs/" + a).getBody()).get("returnDepot").asText();
        scan("tech-RC-SZX", faulty.get(0), "PACK", RC, Map.of());
        scan("tech-RC-SZX", faulty.get(0), "SHIP", RC, Map.of());
        scan("depot-" + returnDepot, faulty.get(0), "RECEIVE", returnDepot, Map.of());
        scan("depot-" + returnDepot, faulty.get(0), "PUTAWAY", returnDepot, Map.of());
        api.complete("agent", a, "Task_CloseCase", Map.of("resolution", "spare installed, board repaired"));
        answerSurvey(a, 5, "Fast and friendly");

        // B: the acceptance limit passes before anyone accepts.
        String bSerial = fixture.installedAt(part, site);
        faulty.add(bSerial);
        String b = api.report("agent", customer, site.id(), bSerial);
        caseNumbers.add(b);
        fireTimer(b, "Timer_AcceptanceLimit");
        api.complete("agent", b, "Task_AcceptCase", Map.of());
        api.complete("agent", b, "Task_RemoteDiagnosis", Map.of("diagnosisOutcome", "RESOLVED_REMOTELY"));
        api.complete("agent", b, "Task_CloseCase", Map.of("resolution", "configuration restored remotely"));
        answerSurvey(b, 2, "Took too long to answer");

        // C: handed to another agent, who closes it.
        String c = reportAndAccept("agent", fixture.installedAt(part, site));
        assertThat(api.post("supervisor", "/api/cases/" + c + "/transfer", Map.of("toUser", secondAgent, "reason", "shift change"))
                .getStatusCode()).isEqualTo(HttpStatus.OK);
        api.complete(secondAgent, c, "Task_RemoteDiagnosis", Map.of("diagnosisOutcome", "RESOLVED_REMOTELY"));
        api.complete(secondAgent, c, "Task_CloseCase", Map.of("resolution", "reset remotely"));

        // D: nothing in stock; a board put away at the depot serves the backorder; the return never comes.
        String d = reportAndAccept("agent", fixture.installedAt(backorderedPart, site));
        api.complete("agent", d, "Task_RemoteDiagnosis", Map.of("diagnosisOutcome", "SPARE_NEEDED"));
        assertThat(api.getCase(d).get("state").asText()).isEqualTo("BACKORDERED");
        String arriving = fixture.received(backorderedPart, DEPOT);
        spares.add(arriving);
        scan("depot-" + DEPOT, arriving, "PUTAWAY", DEPOT, Map.of());
        deliverSpare(d);
        fireTimer(d, "Timer_ReturnReminder");
        fireTimer(d, "Timer_ReturnOverdue");
        fireTimer(d, "Timer_ReturnChargeLimit");
        assertThat(jdbc.queryForObject("select charge_flag from kpi_case where number = ?", Boolean.class, d)).isTrue();

        // E: no fault found at the repair center.
        String e = reportAndAccept("agent", fixture.installedAt(part, site));
        spares.add(fixture.inStock(part, DEPOT));
        api.complete("agent", e, "Task_RemoteDiagnosis", Map.of("diagnosisOutcome", "SPARE_NEEDED"));
        deliverSpare(e);
        returnDefective(e);
        api.complete("tech-RC-SZX", e, "Task_DiagnoseBoard", Map.of("finding", "not reproducible", "diagnosis", "NO_FAULT_FOUND"));
        api.complete("tech-RC-SZX", e, "Task_TestBoard", Map.of("testResult", "PASS"));
        assertThat(boards.require(faulty.get(4)).status()).isEqualTo(BoardStatus.NFF);
    }

    @Test
    void slaComplianceDpmoAndSigmaCountTheClocksDueInThePeriod() {
        JsonNode kpis = kpis("quality", period);
        // step: due, met, breached, open (A–E as described above)
        assertStep(kpis, "ACCEPT", 5, 4, 1, 0);
        assertStep(kpis, "REMOTE_DIAGNOSIS", 5, 5, 0, 0);
        assertStep(kpis, "SPARE_ON_SITE", 3, 3, 0, 0);
        assertStep(kpis, "DEFECTIVE_RETURN", 3, 2, 1, 0);
        assertStep(kpis, "REPAIR_TURNAROUND", 2, 1, 0, 1);
        assertThat(kpis.at("/dpmo/defects").asLong()).isEqualTo(2);
        assertThat(kpis.at("/dpmo/opportunities").asLong()).isEqualTo(17);
        assertThat(kpis.at("/dpmo/value").asDouble()).isCloseTo(2e6 / 17, within(1e-6));
        // Φ⁻¹(15/17) = 1.18683143…, plus the 1.5 shift
        assertThat(kpis.get("sigmaLevel").asDouble()).isCloseTo(2.68683, within(1e-4));
        assertThat(step(kpis, "ACCEPT").get("percent").asDouble()).isCloseTo(80.0, within(1e-9));
        assertThat(step(kpis, "REMOTE_DIAGNOSIS").get("sigmaLevel").isNull()).as("no defect: no finite sigma").isTrue();
    }

    @Test
    void fillRateNffDefectiveReturnsFirstOwnerAndSatisfaction() {
        JsonNode kpis = kpis("supervisor", period);
        assertRatio(kpis.get("fillRate"), 2, 3);
        assertThat(kpis.at("/fillRate/backorders").asLong()).isEqualTo(1);
        assertThat(kpis.at("/fillRate/backordersServed").asLong()).isEqualTo(1);
        double waited = hoursBetweenDecisions(caseNumbers.get(3), "BACKORDER", "BACKORDER_SERVED");
        assertThat(kpis.at("/fillRate/meanBackorderHours").asDouble()).isCloseTo(waited, within(1e-6));

        assertRatio(kpis.get("nffRate"), 1, 2);
        assertRatio(kpis.at("/nffRate/scrapRate"), 0, 2);
        assertThat(kpis.at("/nffRate/repeatNff")).isEmpty();

        JsonNode returns = kpis.get("defectiveReturn");
        assertThat(returns.get("due").asLong()).isEqualTo(3);
        assertThat(returns.get("returnedInTime").asLong()).isEqualTo(2);
        assertThat(returns.get("overdue").asLong()).isEqualTo(1);
        assertThat(returns.get("chargeFlagged").asLong()).isEqualTo(1);
        assertThat(returns.at("/chargeFlaggedCases/0/caseNumber").asText()).isEqualTo(caseNumbers.get(3));

        assertRatio(kpis.get("firstOwnerClosure"), 2, 3);

        JsonNode satisfaction = kpis.get("satisfaction");
        assertThat(satisfaction.get("closedCases").asLong()).isEqualTo(3);
        assertThat(satisfaction.get("responses").asLong()).isEqualTo(2);
        assertRatio(satisfaction.get("responseRate"), 2, 3);
        assertThat(satisfaction.get("scoreSum").asLong()).isEqualTo(7);
        assertThat(satisfaction.get("meanScore").asDouble()).isCloseTo(3.5, within(1e-9));
        assertRatio(satisfaction.get("satisfied"), 1, 2);
        List<String> comments = new ArrayList<>();
        satisfaction.get("comments").forEach(c -> comments.add(c.get("score").asInt() + " " + c.get("comment").asText()));
        assertThat(comments).containsExactlyInAnyOrder("5 Fast and friendly", "2 Took too long to answer");
        JsonNode month = kpis.get("monthly");
        assertThat(sum(month, "/satisfaction/responses")).as("months add up to the period").isEqualTo(2);
    }

    @Test
    void turnaroundAndLegDurationsMatchTheClocksAndTheChainOfCustody() {
        JsonNode kpis = kpis("admin", period);
        List<Double> spareOnSite = new ArrayList<>();
        List<Double> repair = new ArrayList<>();
        for (String number : caseNumbers) {
            api.getCase(number).get("slaClocks").forEach(clock -> {
                if (!clock.get("metAt").isNull()) {
                    double hours = hours(Instant.parse(clock.get("startedAt").asText()), Instant.parse(clock.get("metAt").asText()));
                    switch (clock.get("step").asText()) {
                        case "SPARE_ON_SITE" -> spareOnSite.add(hours);
                        case "REPAIR_TURNAROUND" -> repair.add(hours);
                        default -> { }
                    }
                }
            });
        }
        assertDurations(kpis.get("spareOnSite"), spareOnSite);
        assertDurations(kpis.get("repairTurnaround"), repair);

        Map<String, List<Double>> legs = Map.of("DEPOT_HANDLING", new ArrayList<>(), "TRANSIT", new ArrayList<>(),
                "CUSTOMER_RETURN", new ArrayList<>(), "REPAIR", new ArrayList<>());
        int[] spareOf = {0, -1, -1, 1, 2};
        for (int i = 0; i < caseNumbers.size(); i++) {
            Instant created = Instant.parse(api.getCase(caseNumbers.get(i)).get("createdAt").asText());
            List<CustodyRecord> faultyMoves = custodySince(faulty.get(i), created);
            if (spareOf[i] >= 0) {
                List<CustodyRecord> spareMoves = custodySince(spares.get(spareOf[i]), created);
                legs.get("DEPOT_HANDLING").add(hours(first(spareMoves, BoardStatus.RESERVED), first(spareMoves, BoardStatus.IN_TRANSIT)));
                transits(spareMoves, legs.get("TRANSIT"));
            }
            transits(faultyMoves, legs.get("TRANSIT"));
            Instant received = first(faultyMoves, BoardStatus.DEFECTIVE_RECEIVED);
            if (received != null) {
                legs.get("CUSTOMER_RETURN").add(hours(created, received));
                Instant done = faultyMoves.stream().filter(m -> Set.of(BoardStatus.REPAIRED, BoardStatus.NFF).contains(m.to()))
                        .map(CustodyRecord::at).findFirst().orElseThrow();
                legs.get("REPAIR").add(hours(received, done));
            }
        }
        assertThat(legs.get("DEPOT_HANDLING")).hasSize(3);
        assertThat(legs.get("TRANSIT")).as("three spares, one repaired board back to stock").hasSize(4);
        for (JsonNode leg : kpis.get("legs")) {
            assertDurations(leg.get("durations"), legs.get(leg.get("leg").asText()));
        }
    }

    @Test
    void filtersNarrowTheHistoryAndCsvCarriesTheSameFigures() {
        assertThat(kpis("quality", period + "&tier=BRONZE").at("/dpmo/opportunities").asLong()).isZero();
        assertThat(kpis("quality", period + "&productLine=OPTICAL&region=" + DEPOT).at("/dpmo/opportunities").asLong()).isEqualTo(17);
        assertThat(kpis("quality", period + "&region=CN").at("/dpmo/opportunities").asLong()).isEqualTo(17);
        assertThat(kpis("quality", period + "&region=KE").at("/dpmo/opportunities").asLong()).isZero();

        HttpHeaders accept = new HttpHeaders();
        accept.setAccept(List.of(MediaType.parseMediaType("text/csv")));
        ResponseEntity<String> csv = http.withBasicAuth("quality", "demo").exchange("/api/kpis?" + period, HttpMethod.GET,
                new HttpEntity<>(accept), String.class);
        assertThat(csv.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(csv.getHeaders().getContentType().toString()).startsWith("text/csv");
        assertThat(csv.getBody()).startsWith("figure,item,month,numerator,denominator,value\n")
                .contains("\nslaCompliance,ACCEPT,,4,5,80\n", "\ndpmo,all,,2,17,117647.0588\n", "\nfirstOwnerClosure,all,,2,3,66.6667\n");
        ResponseEntity<String> file = http.withBasicAuth("quality", "demo").getForEntity("/api/kpis.csv?" + period, String.class);
        assertThat(file.getBody()).isEqualTo(csv.getBody()).contains("chargeFlagged," + caseNumbers.get(3));
    }

    @Test
    void onlySupervisorsAdminsAndQualityManagersReadKpisAndQualityChangesNothing() {
        assertThat(api.get("agent", "/api/kpis").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(api.get("depot-CTU", "/api/kpis/field-returns").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.getForEntity("/api/kpis", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(api.get("quality", "/api/kpis").getStatusCode()).isEqualTo(HttpStatus.OK);
        ResponseEntity<String> report = api.post("quality", "/api/cases", Map.of("customerCode", customer, "siteId", site.id(),
                "faultySerial", "X", "symptom", "quality may not report", "channel", "API"));
        assertThat(report.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(api.get("quality", "/actuator/prometheus").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void wrongPeriodsAndFiltersAreProblemsThatSayWhatIsRight() {
        ResponseEntity<String> reversed = api.get("quality", "/api/kpis?from=2026-05-01&to=2026-04-01");
        assertThat(reversed.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(reversed.getHeaders().getContentType().toString()).contains("problem+json");
        assertThat(api.read(reversed.getBody()).get("detail").asText()).contains("swap from and to");
        assertThat(api.read(api.get("quality", "/api/kpis?tier=GOLDEN").getBody()).get("detail").asText())
                .contains("PLATINUM", "BRONZE");
        assertThat(api.read(api.get("quality", "/api/kpis?productLine=TV").getBody()).get("detail").asText()).contains("OPTICAL");
        assertThat(api.get("quality", "/api/kpis?from=yesterday").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(api.get("quality", "/api/kpis/field-returns?month=2026-13").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void fieldReturnsCountTheMonthsReturnsByTheAgeOfTheReturnedUnits() {
        String month = LocalDate.now(ZoneOffset.UTC).toString().substring(0, 7);
        JsonNode rates = api.read(api.get("quality", "/api/kpis/field-returns?month=" + month + "&productLine=OPTICAL").getBody());
        assertThat(rates).hasSize(1);
        assertThat(rates.at("/0/productLine").asText()).isEqualTo("OPTICAL");
        // The history's boards were installed this month: they are no age group's population yet.
        assertThat(rates.at("/0/returnsOfUnitsShippedInMonth").asLong()).isGreaterThanOrEqualTo(5);
        assertThat(api.read(api.get("quality", "/api/kpis/field-returns?month=" + month).getBody())).hasSize(6);
        String csv = api.get("quality", "/api/kpis/field-returns.csv?month=" + month + "&productLine=OPTICAL").getBody();
        assertThat(csv).startsWith("productLine,month,measure,returns,population,rate\n").contains("OPTICAL," + month + ",ERI,");
    }

    // ------------------------------------------------------------------ the history

    private String reportAndAccept(String user, String serial) {
        faulty.add(serial);
        String number = api.report(user, customer, site.id(), serial);
        caseNumbers.add(number);
        api.complete(user, number, "Task_AcceptCase", Map.of());
        return number;
    }

    private void deliverSpare(String number) {
        String spare = api.getCase(number).at("/spare/serial").asText();
        assertThat(api.getCase(number).at("/spare/depotCode").asText()).isEqualTo(DEPOT);
        scan("depot-" + DEPOT, spare, "PICK", DEPOT, Map.of());
        scan("depot-" + DEPOT, spare, "PACK", DEPOT, Map.of());
        scan("depot-" + DEPOT, spare, "SHIP", DEPOT, Map.of("trackingNumber", "SF" + run));
        scan("depot-" + DEPOT, spare, "DELIVER", DEPOT, Map.of("siteId", site.id()));
    }

    private void returnDefective(String number) {
        String serial = api.getCase(number).get("faultySerial").asText();
        scan("tech-RC-SZX", serial, "DEFECTIVE_RECEIVE", RC, Map.of("caseNumber", number));
        scan("tech-RC-SZX", serial, "REPAIR_INTAKE", RC, Map.of());
    }

    private void scan(String user, String serial, String action, String location, Map<String, Object> extra) {
        api.scan(user, serial, action, location, extra);
    }

    /** Fires a timer of the case's processes now, as the job executor would when its time comes. */
    private void fireTimer(String number, String timer) {
        for (ProcessInstance instance : runtime.createProcessInstanceQuery().processInstanceBusinessKey(number).list()) {
            Job job = management.createJobQuery().processInstanceId(instance.getId()).activityId(timer).singleResult();
            if (job != null) {
                management.executeJob(job.getId());
                return;
            }
        }
        throw new AssertionError("no timer " + timer + " on " + number);
    }

    /** Answers the case's survey as a customer would: the tracking page's form with its CSRF token. */
    private void answerSurvey(String number, int score, String comment) {
        String token = api.getCase(number).get("trackingToken").asText();
        ResponseEntity<String> page = http.getForEntity("/track/" + token, String.class);
        Matcher csrf = CSRF.matcher(page.getBody());
        assertThat(csrf.find()).isTrue();
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        headers.put(HttpHeaders.COOKIE, page.getHeaders().get(HttpHeaders.SET_COOKIE).stream().map(c -> c.split(";", 2)[0]).toList());
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("_csrf", csrf.group(1));
        form.add("score", Integer.toString(score));
        form.add("comment", comment);
        HttpStatus status = HttpStatus.valueOf(http.exchange("/track/" + token + "/survey", HttpMethod.POST,
                new HttpEntity<>(form, headers), String.class).getStatusCode().value());
        assertThat(status.is3xxRedirection() || status.is2xxSuccessful()).as("survey answered: %s", status).isTrue();
    }

    // ------------------------------------------------------------------ hand computations

    private JsonNode kpis(String user, String query) {
        ResponseEntity<String> response = api.get(user, "/api/kpis?" + query);
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
        JsonNode kpis = api.read(response.getBody());
        assertThat(kpis.fieldNames()).toIterable().contains("slaCompliance", "dpmo", "sigmaLevel", "fillRate", "spareOnSite",
                "repairTurnaround", "legs", "nffRate", "defectiveReturn", "firstOwnerClosure", "satisfaction");
        return kpis;
    }

    private static JsonNode step(JsonNode kpis, String step) {
        for (JsonNode s : kpis.get("slaCompliance")) {
            if (s.get("step").asText().equals(step)) {
                return s;
            }
        }
        throw new AssertionError("no step " + step);
    }

    private static void assertStep(JsonNode kpis, String name, long due, long met, long breached, long open) {
        JsonNode s = step(kpis, name);
        assertThat(List.of(s.get("due").asLong(), s.get("met").asLong(), s.get("breached").asLong(), s.get("open").asLong()))
                .as(name + ": due, met, breached, open").containsExactly(due, met, breached, open);
        assertThat(s.at("/dpmo/defects").asLong()).isEqualTo(breached);
        assertThat(s.at("/dpmo/opportunities").asLong()).isEqualTo(met + breached);
    }

    private static void assertRatio(JsonNode ratio, long numerator, long denominator) {
        assertThat(ratio.get("numerator").asLong()).as(ratio.toString()).isEqualTo(numerator);
        assertThat(ratio.get("denominator").asLong()).as(ratio.toString()).isEqualTo(denominator);
        assertThat(ratio.get("percent").asDouble()).isCloseTo(100.0 * numerator / denominator, within(1e-9));
    }

    private static void assertDurations(JsonNode durations, List<Double> expected) {
        List<Double> sorted = expected.stream().sorted().toList();
        assertThat(durations.get("count").asLong()).as(durations.toString()).isEqualTo(sorted.size());
        double total = sorted.stream().mapToDouble(Double::doubleValue).sum();
        assertThat(durations.get("totalHours").asDouble()).isCloseTo(total, within(1e-6));
        assertThat(durations.get("meanHours").asDouble()).isCloseTo(total / sorted.size(), within(1e-6));
        assertThat(durations.get("medianHours").asDouble()).isCloseTo(interpolated(sorted, 0.5), within(1e-6));
        assertThat(durations.get("p90Hours").asDouble()).isCloseTo(interpolated(sorted, 0.9), within(1e-6));
        long bucketed = 0;
        for (JsonNode bucket : durations.get("histogram")) {
            bucketed += bucket.get("count").asLong();
        }
        assertThat(bucketed).isEqualTo(sorted.size());
    }

    /** The p-quantile between closest ranks: rank p·(n−1), interpolated. */
    private static double interpolated(List<Double> sorted, double p) {
        double rank = p * (sorted.size() - 1);
        int low = (int) rank;
        int high = Math.min(low + 1, sorted.size() - 1);
        return sorted.get(low) + (rank - low) * (sorted.get(high) - sorted.get(low));
    }

    private double hoursBetweenDecisions(String number, String from, String to) {
        Instant placed = jdbc.queryForObject("select min(made_at) from sourcing_decision where case_number = ? and kind = ?",
                java.sql.Timestamp.class, number, from).toInstant();
        Instant served = jdbc.queryForObject("select min(made_at) from sourcing_decision where case_number = ? and kind = ?",
                java.sql.Timestamp.class, number, to).toInstant();
        return hours(placed, served);
    }

    private List<CustodyRecord> custodySince(String serial, Instant since) {
        return boards.history(serial).custody().stream().filter(m -> !m.at().isBefore(since))
                .sorted(Comparator.comparing(CustodyRecord::at)).toList();
    }

    private static Instant first(List<CustodyRecord> moves, BoardStatus status) {
        return moves.stream().filter(m -> m.to() == status).map(CustodyRecord::at).findFirst().orElse(null);
    }

    private static void transits(List<CustodyRecord> moves, List<Double> into) {
        for (int i = 0; i + 1 < moves.size(); i++) {
            if (moves.get(i).to() == BoardStatus.IN_TRANSIT) {
                into.add(hours(moves.get(i).at(), moves.get(i + 1).at()));
            }
        }
    }

    private static double hours(Instant from, Instant to) {
        return Duration.between(from, to).toNanos() / 3.6e12;
    }

    private static long sum(JsonNode months, String pointer) {
        long total = 0;
        for (JsonNode month : months) {
            total += month.at(pointer).asLong();
        }
        return total;
    }
}

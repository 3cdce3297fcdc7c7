package io.spareflow.gatling;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.jmesPath;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Whole advance-exchange cases through the REST API, as LifecycleBenchmark drives them in process: report, accept,
 * remote diagnosis (a spare is reserved), the spare's pick, pack, ship and delivery by its depot, the defective
 * board's receipt and repair at RC-SZX (diagnose, repair, test), its way back to the return depot and put-away, and
 * the close — 26 requests per case, each task found through {@code GET /api/tasks}. Each client starts from a board
 * installed at a demo site of an advance-exchange tier and reports, after each case, the spare it just delivered
 * there: the stock and the installed base stay as they were, whatever the run's length.
 */
public class LifecycleSimulation extends Simulation {

    private static final String REPAIR_CENTER = "RC-SZX";
    private static final String TECHNICIAN = "tech-" + REPAIR_CENTER;
    private static final String SCAN = """
            {"code":"#{%s}","action":"%s","location":"#{%s}","clientScanId":"#{number}-%s"%s}""";

    ScenarioBuilder cases = scenario("case lifecycle")
            .feed(installedBoardsAtAdvanceExchangeSites().iterator())
            .exec(session -> session.set("repairCenter", REPAIR_CENTER))
            .during(SpareflowLoad.DURATION, false).on(exec(lifecycle()) // a case started is finished
                    .exec(session -> session.set("faulty", session.getString("spare"))));

    {
        setUp(cases.injectOpen(atOnceUsers(SpareflowLoad.CLIENTS))).protocols(SpareflowLoad.api("agent"))
                .assertions(global().failedRequests().percent().lt(1.0));
    }

    private static ChainBuilder lifecycle() {
        return exec(http("report").post("/api/cases")
                        .body(StringBody("""
                                {"customerCode":"#{customer}","siteId":#{siteId},"faultySerial":"#{faulty}",
                                 "symptom":"loss of frame on the STM-16 line","channel":"HOTLINE"}"""))
                        .check(status().is(201), jmesPath("number").saveAs("number")))
                .exitHereIfFailed()
                .exec(task("agent", "Task_AcceptCase", "{}"))
                .exec(task("agent", "Task_RemoteDiagnosis", "{\"diagnosisOutcome\":\"SPARE_NEEDED\"}"))
                .exec(http("case: the spare").get("/api/cases/#{number}")
                        .check(jmesPath("spare.serial").saveAs("spare"), jmesPath("spare.depotCode").saveAs("depot")))
                .exitHereIfFailed()
                .exec(scan("#{depot}", "spare", "PICK", "depot", ""))
                .exec(scan("#{depot}", "spare", "PACK", "depot", ""))
                .exec(scan("#{depot}", "spare", "SHIP", "depot", ",\"trackingNumber\":\"GT#{number}\""))
                .exec(scan("#{depot}", "spare", "DELIVER", "depot", ",\"siteId\":#{siteId}"))
                .exec(scan(REPAIR_CENTER, "faulty", "DEFECTIVE_RECEIVE", "repairCenter", ""))
                .exec(scan(REPAIR_CENTER, "faulty", "REPAIR_INTAKE", "repairCenter", ""))
                .exec(task(TECHNICIAN, "Task_DiagnoseBoard", "{\"finding\":\"laser bias out of range\",\"diagnosis\":\"FAULT_CONFIRMED\"}"))
                .exec(task(TECHNICIAN, "Task_RepairBoard", "{\"actions\":\"replaced TOSA\"}"))
                .exec(task(TECHNICIAN, "Task_TestBoard", "{\"testResult\":\"PASS\"}"))
                .exec(http("repair: the return depot").get("/api/repairs/#{number}")
                        .check(jmesPath("returnDepot").saveAs("returnDepot")))
                .exec(scan(REPAIR_CENTER, "faulty", "PACK", "repairCenter", ""))
                .exec(scan(REPAIR_CENTER, "faulty", "SHIP", "repairCenter", ""))
                .exec(scan("#{returnDepot}", "faulty", "RECEIVE", "returnDepot", ""))
                .exec(scan("#{returnDepot}", "faulty", "PUTAWAY", "returnDepot", ""))
                .exec(task("agent", "Task_CloseCase", "{\"resolution\":\"exchanged and repaired\"}"))
                .exec(http("case: closed").get("/api/cases/#{number}").check(jmesPath("state").is("CLOSED")));
    }

    /** The user's open task {@code taskKey} of the case, looked up as a person's work list shows it, then completed. */
    private static ChainBuilder task(String user, String taskKey, String fields) {
        return exec(http("tasks: " + taskKey).get("/api/tasks").basicAuth(user, SpareflowLoad.PASSWORD)
                .check(jmesPath("[?caseNumber=='#{number}' && taskKey=='" + taskKey + "'].id | [0]").saveAs("task")))
                .exec(http(taskKey).post("/api/tasks/#{task}/complete").basicAuth(user, SpareflowLoad.PASSWORD)
                        .body(StringBody(fields)).check(status().is(204)));
    }

    /** A scan of the board in session attribute {@code board} at the location in {@code location}, by that location's user. */
    private static ChainBuilder scan(String locationCode, String board, String action, String location, String extra) {
        String user = (locationCode.startsWith("RC-") ? "tech-" : "depot-") + locationCode;
        return exec(http(action + " (" + board + ")").post("/api/scans").basicAuth(user, SpareflowLoad.PASSWORD)
                .body(StringBody(SCAN.formatted(board, action, location, action + "-" + board, extra)))
                .check(status().is(200)));
    }

    /** Boards installed at sites whose customer's tier has advance exchange, one per client, read from the API. */
    private static List<Map<String, Object>> installedBoardsAtAdvanceExchangeSites() {
        ObjectMapper json = new ObjectMapper();
        Set<String> advanceExchange = new HashSet<>();
        read(json, "/api/tiers").forEach(t -> {
            if (t.path("advanceExchange").asBoolean()) {
                advanceExchange.add(t.get("name").asText());
            }
        });
        Map<Long, String> customerOfSite = new HashMap<>();
        read(json, "/api/customers").forEach(c -> {
            if (advanceExchange.contains(c.path("tier").asText())) {
                c.get("sites").forEach(s -> customerOfSite.put(s.get("id").asLong(), c.get("code").asText()));
            }
        });
        List<Map<String, Object>> boards = new ArrayList<>();
        for (JsonNode b : read(json, "/api/boards?status=INSTALLED&size=500").get("items")) {
            String customer = customerOfSite.get(b.path("siteId").asLong());
            if (customer != null) {
                boards.add(Map.of("faulty", b.get("serial").asText(), "siteId", b.get("siteId").asLong(), "customer", customer));
            }
        }
        if (boards.size() < SpareflowLoad.CLIENTS) {
            throw new IllegalStateException("only " + boards.size() + " installed boards at advance-exchange sites for "
                    + SpareflowLoad.CLIENTS + " clients at " + SpareflowLoad.URL);
        }
        Collections.shuffle(boards);
        return boards.subList(0, SpareflowLoad.CLIENTS);
    }

    private static JsonNode read(ObjectMapper json, String path) {
        String credentials = Base64.getEncoder().encodeToString(("agent:" + SpareflowLoad.PASSWORD).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(SpareflowLoad.URL + path))
                .header("Authorization", "Basic " + credentials).header("Accept", "application/json").build();
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET " + path + " answered " + response.statusCode() + ": " + response.body());
            }
            return json.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException("GET " + path + " failed at " + SpareflowLoad.URL, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}

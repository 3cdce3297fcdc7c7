package io.spareflow.rma;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.spareflow.customer.SiteInfo;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.StreamSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The REST calls of the case lifecycle as demo users make them (password {@code demo}), or users of one password, and
 * the steps the API tests drive a case through. A bean of the shared test context
 * ({@link io.spareflow.SpareflowIntegrationTest}): tests inject it instead of building it from the beans it uses.
 */
@TestComponent
public class RmaApiClient {

    /** The repair center certified for the fixture's OPTICAL parts, and its technician. */
    public static final String REPAIR_CENTER = "RC-SZX";
    public static final String TECHNICIAN = "tech-" + REPAIR_CENTER;

    private final TestRestTemplate http;
    private final ObjectMapper json;
    private final String password;
    private final Map<String, TestRestTemplate> signedIn = new ConcurrentHashMap<>();

    @Autowired
    public RmaApiClient(TestRestTemplate http, ObjectMapper json) {
        this(http, json, "demo");
    }

    /** The calls of users who all sign in with {@code password} (users a test created through the API). */
    public RmaApiClient(TestRestTemplate http, ObjectMapper json, String password) {
        this.http = http;
        this.json = json;
        this.password = password;
    }

    /** Reports a fault and returns the case number. */
    public String report(String user, String customerCode, long siteId, String serial) {
        ResponseEntity<String> reported = post(user, "/api/cases", Map.of("customerCode", customerCode, "siteId", siteId,
                "faultySerial", serial, "symptom", "loss of frame on the STM-16 line", "channel", "HOTLINE"));
        assertThat(reported.getStatusCode()).as(reported.getBody()).isEqualTo(HttpStatus.CREATED);
        return read(reported.getBody()).get("number").asText();
    }

    /** {@code user} claims and completes the case's acceptance, becoming its first owner. */
    public void accept(String user, String caseNumber) {
        String accept = taskOf(user, caseNumber, "Task_AcceptCase");
        ResponseEntity<String> claimed = post(user, "/api/tasks/" + accept + "/claim", Map.of());
        assertThat(claimed.getStatusCode().is2xxSuccessful()).as(claimed.getBody()).isTrue();
        completeTask(user, accept, Map.of());
    }

    /** {@code user} accepts the case (becoming its first owner) and diagnoses it remotely: a spare is needed. */
    public void acceptNeedingASpare(String user, String caseNumber) {
        accept(user, caseNumber);
        complete(user, caseNumber, "Task_RemoteDiagnosis", Map.of("diagnosisOutcome", "SPARE_NEEDED"));
    }

    /** A fault at {@code site} reported and accepted by {@code agent}; the case waits for its remote diagnosis. */
    public String reportAndAccept(SiteInfo site, String serial) {
        String number = report("agent", site.customerCode(), site.id(), serial);
        accept("agent", number);
        return number;
    }

    /**
     * Reports a fault as {@code agent}, who accepts it and diagnoses SPARE_NEEDED: for an advance-exchange tier the
     * spare is then sourced and the case waits for its pick. Returns the case number.
     */
    public String reportNeedingSpare(String customerCode, long siteId, String serial) {
        String number = report("agent", customerCode, siteId, serial);
        acceptNeedingASpare("agent", number);
        return number;
    }

    /** The depot's staff pick, pack and ship the board: it is on the road. */
    public void ship(String serial, String depot) {
        for (String action : List.of("PICK", "PACK", "SHIP")) {
            scan("depot-" + depot, serial, action, depot, Map.of());
        }
    }

    /** The board shipped by the depot's staff and delivered at the site. */
    public void deliver(String serial, String depot, SiteInfo site) {
        ship(serial, depot);
        scan("depot-" + depot, serial, "DELIVER", depot, Map.of("siteId", site.id()));
    }

    /** The case's faulty board is received back at the repair center RC-SZX and taken in for its diagnosis. */
    public void takeIntoRepair(String caseNumber, String serial) {
        scan(TECHNICIAN, serial, "DEFECTIVE_RECEIVE", REPAIR_CENTER, Map.of("caseNumber", caseNumber));
        scan(TECHNICIAN, serial, "REPAIR_INTAKE", REPAIR_CENTER, Map.of());
    }

    /** The last timeline entry of one kind; there must be one. */
    public static JsonNode lastOf(JsonNode timeline, String kind) {
        JsonNode found = null;
        for (JsonNode entry : timeline) {
            if (kind.equals(entry.get("kind").asText())) {
                found = entry;
            }
        }
        assertThat(found).as("timeline has " + kind + ": " + timeline).isNotNull();
        return found;
    }

    /** The SLA clock of one step among a case's or a line's clocks. */
    public static JsonNode clock(JsonNode clocks, String step) {
        return StreamSupport.stream(clocks.spliterator(), false).filter(c -> c.get("step").asText().equals(step))
                .findFirst().orElseThrow(() -> new AssertionError("no clock " + step + " in " + clocks));
    }

    /** The texts of a case's timeline entries of one kind, in order. */
    public static List<String> timelineTexts(JsonNode caseView, String kind) {
        List<String> texts = new ArrayList<>();
        caseView.get("timeline").forEach(t -> {
            if (t.get("kind").asText().equals(kind)) {
                texts.add(t.get("text").asText());
            }
        });
        return texts;
    }

    /** The kinds of a case's timeline entries, in order. */
    public static List<String> kinds(JsonNode timeline) {
        List<String> kinds = new ArrayList<>();
        timeline.forEach(t -> kinds.add(t.get("kind").asText()));
        return kinds;
    }

    /** Applies a scan; it must be accepted. */
    public void scan(String user, String serial, String action, String location, Map<String, Object> extra) {
        ResponseEntity<String> response = attemptScan(user, serial, action, location, extra);
        assertThat(response.getStatusCode()).as(action + " " + serial + ": " + response.getBody()).isEqualTo(HttpStatus.OK);
    }

    /** Sends a scan and answers what the service said (accepted or refused). */
    public ResponseEntity<String> attemptScan(String user, String serial, String action, String location,
                                              Map<String, Object> extra) {
        Map<String, Object> body = new HashMap<>(extra);
        body.put("code", serial);
        body.put("action", action);
        body.put("location", location);
        body.put("clientScanId", UUID.randomUUID().toString());
        return post(user, "/api/scans", body);
    }

    /** Completes the user's task {@code taskKey} of the case with these form fields. */
    public void complete(String user, String caseNumber, String taskKey, Map<String, Object> fields) {
        completeTask(user, taskOf(user, caseNumber, taskKey), fields);
    }

    public void completeTask(String user, String taskId, Map<String, Object> fields) {
        ResponseEntity<String> response = post(user, "/api/tasks/" + taskId + "/complete", fields);
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
    }

    public String taskOf(String user, String caseNumber, String taskKey) {
        for (JsonNode task : read(get(user, "/api/tasks").getBody())) {
            if (caseNumber.equals(task.path("caseNumber").asText()) && taskKey.equals(task.path("taskKey").asText())) {
                return task.get("id").asText();
            }
        }
        throw new AssertionError(user + " has no task " + taskKey + " of " + caseNumber);
    }

    public List<String> taskIds(String user) {
        List<String> ids = new ArrayList<>();
        read(get(user, "/api/tasks").getBody()).forEach(t -> ids.add(t.get("id").asText()));
        return ids;
    }

    /** The stall audit's findings for one case, as a supervisor reads them ({@code GET /api/cases/stalled}). */
    public List<JsonNode> stalledOf(String number) {
        List<JsonNode> found = new ArrayList<>();
        read(get("supervisor", "/api/cases/stalled").getBody()).forEach(s -> {
            if (s.get("caseNumber").asText().equals(number)) {
                found.add(s);
            }
        });
        return found;
    }

    public JsonNode getCase(String number) {
        return read(get("agent", "/api/cases/" + number).getBody());
    }

    public JsonNode read(String body) {
        try {
            return json.readTree(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What {@code user} reads at {@code path} asking for {@code language} (Accept-Language); it must answer 200. */
    public JsonNode readIn(String user, String language, String path) {
        ResponseEntity<String> got = exchangeIn(user, language, HttpMethod.GET, path, null);
        assertThat(got.getStatusCode()).as(got.getBody()).isEqualTo(HttpStatus.OK);
        return read(got.getBody());
    }

    /** A call of {@code user} asking for answers in {@code language} (Accept-Language). */
    public ResponseEntity<String> exchangeIn(String user, String language, HttpMethod method, String path, Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.ACCEPT_LANGUAGE, language);
        return as(user).exchange(path, method, new HttpEntity<>(body, headers), String.class);
    }

    /**
     * The client that signs in as {@code user}, one per user: {@code withBasicAuth} builds a new RestTemplate and HTTP
     * client each time (its message converters look up an XML transformer factory on the class path, and every call
     * opened a new connection), tens of milliseconds of the caller's CPU per request that no real client pays.
     */
    private TestRestTemplate as(String user) {
        return signedIn.computeIfAbsent(user, name -> http.withBasicAuth(name, password));
    }

    public ResponseEntity<String> get(String user, String path) {
        return as(user).getForEntity(path, String.class);
    }

    /** A GET as {@code user} asking for the answer in {@code language} (its Accept-Language). */
    public ResponseEntity<String> get(String user, String path, String language) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.ACCEPT_LANGUAGE, language);
        return as(user).exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class);
    }

    public ResponseEntity<String> post(String user, String path, Object body) {
        return as(user).exchange(path, HttpMethod.POST, new HttpEntity<>(body), String.class);
    }

    public ResponseEntity<String> put(String user, String path, Object body) {
        return as(user).exchange(path, HttpMethod.PUT, new HttpEntity<>(body), String.class);
    }

    public ResponseEntity<String> delete(String user, String path) {
        return as(user).exchange(path, HttpMethod.DELETE, HttpEntity.EMPTY, String.class);
    }
}

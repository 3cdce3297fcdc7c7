package io.spareflow.rma;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** The REST calls of the case lifecycle as demo users make them (password {@code demo}), or users of one password. */
public class RmaApiClient {

    private final TestRestTemplate http;
    private final ObjectMapper json;
    private final String password;

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

    /** {@code user} accepts the case (becoming its first owner) and diagnoses it remotely: a spare is needed. */
    public void acceptNeedingASpare(String user, String caseNumber) {
        String accept = taskOf(user, caseNumber, "Task_AcceptCase");
        ResponseEntity<String> claimed = post(user, "/api/tasks/" + accept + "/claim", Map.of());
        assertThat(claimed.getStatusCode().is2xxSuccessful()).as(claimed.getBody()).isTrue();
        completeTask(user, accept, Map.of());
        complete(user, caseNumber, "Task_RemoteDiagnosis", Map.of("diagnosisOutcome", "SPARE_NEEDED"));
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

    public ResponseEntity<String> get(String user, String path) {
        return http.withBasicAuth(user, password).getForEntity(path, String.class);
    }

    public ResponseEntity<String> post(String user, String path, Object body) {
        return http.withBasicAuth(user, password).exchange(path, HttpMethod.POST, new HttpEntity<>(body), String.class);
    }
}

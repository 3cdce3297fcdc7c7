package io.spareflow.notify;

import static org.assertj.core.api.Assertions.assertThat;

import io.spareflow.board.BoardStatus;
import io.spareflow.board.Boards;
import io.spareflow.board.NewBoard;
import io.spareflow.customer.Customers;
import io.spareflow.customer.SiteInfo;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Boards installed at a customer's site and cases reported on them, through the public API. */
public final class CaseFixtures {

    private CaseFixtures() {
    }

    /** A new board of a repairable part, installed at the customer's site in {@code city}. */
    public static String installedBoard(Boards boards, Customers customers, String customerCode, String city) {
        SiteInfo site = customers.require(customerCode).sites().stream().filter(s -> s.city().equals(city)).findFirst()
                .orElseThrow();
        String serial = String.format("NT%02d%08d", ThreadLocalRandom.current().nextInt(100),
                ThreadLocalRandom.current().nextInt(100_000_000));
        boards.register(new NewBoard(serial, "310200731", "E", BoardStatus.INSTALLED, null, site.id()));
        return serial;
    }

    public static long siteOf(Customers customers, String customerCode, String city) {
        return customers.require(customerCode).sites().stream().filter(s -> s.city().equals(city)).findFirst()
                .orElseThrow().id();
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> report(TestRestTemplate rest, String customerCode, long siteId, String serial) {
        ResponseEntity<Map> created = rest.withBasicAuth("agent", "demo").postForEntity("/api/cases", json(Map.of(
                "customerCode", customerCode, "siteId", siteId, "faultySerial", serial,
                "symptom", "STM-16 line board OL16: LOS alarm on port 3 after a power dip", "channel", "HOTLINE")), Map.class);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return created.getBody();
    }

    /** The agent accepts the case: completes its open acceptance task and so becomes its first owner. */
    public static void accept(TestRestTemplate rest, String caseNumber) {
        complete(rest, caseNumber, "Task_AcceptCase", Map.of());
    }

    /** Accepted, solved by remote diagnosis, closed by the agent as first owner. */
    public static void resolveRemotelyAndClose(TestRestTemplate rest, String caseNumber) {
        accept(rest, caseNumber);
        complete(rest, caseNumber, "Task_RemoteDiagnosis", Map.of("diagnosisOutcome", "RESOLVED_REMOTELY",
                "note", "Reset the board remotely; alarm cleared"));
        complete(rest, caseNumber, "Task_CloseCase", Map.of("resolution", "Solved by a remote reset"));
    }

    private static void complete(TestRestTemplate rest, String caseNumber, String taskKey, Map<String, Object> fields) {
        complete(rest, "agent", "demo", caseNumber, taskKey, fields);
    }

    /** {@code user} completes the open task {@code taskKey} of the case. */
    @SuppressWarnings("unchecked")
    public static void complete(TestRestTemplate rest, String user, String password, String caseNumber, String taskKey,
                                Map<String, Object> fields) {
        List<Map<String, Object>> tasks = rest.withBasicAuth(user, password).exchange("/api/tasks", HttpMethod.GET, null,
                List.class).getBody();
        Map<String, Object> task = tasks.stream()
                .filter(t -> caseNumber.equals(t.get("caseNumber")) && taskKey.equals(t.get("taskKey")))
                .findFirst().orElseThrow(() -> new AssertionError("no task " + taskKey + " for " + caseNumber + " in " + tasks));
        ResponseEntity<String> done = rest.withBasicAuth(user, password).exchange("/api/tasks/" + task.get("id") + "/complete",
                HttpMethod.POST, json(fields), String.class);
        assertThat(done.getStatusCode().is2xxSuccessful()).as("complete %s: %s", taskKey, done).isTrue();
    }

    public static HttpEntity<Object> json(Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(body, headers);
    }
}

package io.spareflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.spareflow.SpareflowIntegrationTest;
import io.spareflow.customer.Customers;
import io.spareflow.customer.SiteInfo;
import io.spareflow.rma.RmaApiTestSupport;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * Every operation of the OpenAPI description ({@code /v3/api-docs}) called by every role, in and out of its scope:
 * an operation without a rule here fails the test, so a new endpoint cannot slip in unguarded. "Allowed" means the
 * request got past security (any answer but 401, 403 or a server error: the bodies are dummies, so 400, 404 or 409
 * are expected); "denied" means 403.
 * <p>
 * The scoped data is one real case of the test's own part, run up to the defective return: its spare was reserved,
 * picked and shipped at depot CTU (so depot-CTU is in its scope, depot-UIO not), and its defective board was taken in
 * at repair center RC-SZX (so tech-RC-SZX is in its scope, tech-RC-NKG not). The quality manager reads and never
 * writes, except their own password.
 */
@SpareflowIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiAccessMatrixTest extends RmaApiTestSupport {

    private static final String DEPOT_IN = "depot-CTU";
    private static final String DEPOT_OUT = "depot-UIO";
    private static final String REPAIR_CENTER = "RC-SZX";
    private static final String TECH_IN = "tech-RC-SZX";
    private static final String TECH_OUT = "tech-RC-NKG";

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Customers customers;

    private static final String QUALITY = "quality";

    private final List<String> everyone = List.of("admin", "supervisor", "agent", DEPOT_IN, DEPOT_OUT, TECH_IN, TECH_OUT, QUALITY);
    private final List<Probe> probes = new ArrayList<>();

    @BeforeAll
    void runACaseToItsRepairCenterAndWriteTheRules() {
        String part = fixture.part();
        SiteInfo site = fixture.chengdu();
        String faulty = fixture.installedAt(part, site);
        String spare = fixture.inStock(part, "CTU");
        String shelfBoard = fixture.inStock(part, "CTU");
        String number = api.report("agent", site.customerCode(), site.id(), faulty);
        api.acceptNeedingASpare("agent", number);
        long reservation = jdbc.queryForObject(
                "select id from spare_reservation where case_number = ? and status = 'RESERVED'", Long.class, number);
        api.scan(DEPOT_IN, spare, "PICK", "CTU", Map.of());
        api.scan(DEPOT_IN, spare, "PACK", "CTU", Map.of());
        api.scan(DEPOT_IN, spare, "SHIP", "CTU", Map.of("trackingNumber", "SF" + UUID.randomUUID().toString().substring(0, 8)));
        api.scan(DEPOT_IN, spare, "DELIVER", "CTU", Map.of("siteId", site.id()));
        api.scan(TECH_IN, faulty, "DEFECTIVE_RECEIVE", REPAIR_CENTER, Map.of("caseNumber", number));
        api.scan(TECH_IN, faulty, "REPAIR_INTAKE", REPAIR_CENTER, Map.of());
        assertThat(api.getCase(number).at("/repair/repairCenter").asText()).isEqualTo(REPAIR_CENTER);

        Set<String> all = Set.copyOf(everyone);
        Set<String> allButQuality = everyone.stream().filter(user -> !user.equals(QUALITY)).collect(Collectors.toUnmodifiableSet());
        Set<String> admin = Set.of("admin");
        Set<String> measurers = Set.of("admin", "supervisor", QUALITY);
        Set<String> customerSide = Set.of("admin", "supervisor", "agent");
        Set<String> labelPrinters = Set.of("admin", "supervisor", DEPOT_IN);
        String ctuShipping = "from=CTU&to=" + REPAIR_CENTER + "&trackingNumber=SF1&trackingUrl=https://t.example/1&caseNumber=" + number;

        // Master data: every member of staff reads it; only admins change it.
        probe("GET", "/api/locations", "/api/locations", all);
        probe("GET", "/api/locations/{code}", "/api/locations/CTU", all);
        probe("GET", "/api/parts", "/api/parts", all);
        probe("GET", "/api/parts/{partNumber}", "/api/parts/" + part, all);
        probe("GET", "/api/customers", "/api/customers", all);
        probe("GET", "/api/customers/{code}", "/api/customers/" + site.customerCode(), all);
        probe("GET", "/api/tiers", "/api/tiers", all);
        probe("GET", "/api/tiers/{name}", "/api/tiers/GOLD", all);
        probe("PUT", "/api/tiers/{name}", "/api/tiers/NO-SUCH-TIER", Map.of("description", "x"), admin);
        probe("POST", "/api/tiers", "/api/tiers", Map.of(), admin);
        probe("DELETE", "/api/tiers/{name}", "/api/tiers/NO-SUCH-TIER", admin);
        probe("POST", "/api/customers", "/api/customers", Map.of(), admin);
        probe("PUT", "/api/customers/{code}", "/api/customers/NO-SUCH", Map.of(), admin);
        for (String detail : List.of("sites", "contacts", "contracts")) {
            String ofCustomer = "/api/customers/" + site.customerCode() + "/" + detail;
            String key = detail.equals("contracts") ? "{number}" : "{id}";
            probe("GET", "/api/customers/{code}/" + detail, ofCustomer, all);
            probe("POST", "/api/customers/{code}/" + detail, "/api/customers/NO-SUCH/" + detail, Map.of(), admin);
            probe("PUT", "/api/customers/{code}/" + detail + "/" + key, "/api/customers/NO-SUCH/" + detail + "/0", Map.of(), admin);
        }
        probe("GET", "/api/calendars/{country}", "/api/calendars/CN", all);
        probe("PUT", "/api/calendars/{country}", "/api/calendars/ZZ?year=1999", Map.of("source", "access test", "days", List.of()),
                admin);
        probe("GET", "/api/boards", "/api/boards?location=CTU", all);
        probe("GET", "/api/boards/{serial}", "/api/boards/" + spare, all);

        // Cases: reported by those who speak with customers; read in the reader's scope.
        probe("POST", "/api/cases", "/api/cases", Map.of("customerCode", "NO-SUCH", "siteId", 0, "faultySerial", "NO-SUCH",
                "symptom", "x", "channel", "HOTLINE"), customerSide);
        probe("GET", "/api/cases", "/api/cases?customer=" + site.customerCode(), customerSide);
        probe("GET", "/api/cases/{number}", "/api/cases/" + number,
                Set.of("admin", "supervisor", "agent", DEPOT_IN, TECH_IN, QUALITY));
        probe("GET", "/api/cases/{number}/mails", "/api/cases/" + number + "/mails", customerSide);
        probe("GET", "/api/cases/stalled", "/api/cases/stalled", Set.of("admin", "supervisor"));
        // A case that does not exist: 404 for those the role rule lets through (the first-owner check needs a case).
        probe("POST", "/api/cases/{number}/cancel", "/api/cases/RMA-2000-999999/cancel", Map.of("reason", "access test"),
                Set.of("agent", "supervisor"));
        probe("POST", "/api/cases/{number}/transfer", "/api/cases/" + number + "/transfer",
                Map.of("toUser", "no-such-user", "reason", "x"), Set.of("supervisor"));
        // Lines: changed by those who own cases (the first owner or a supervisor; a case that does not exist is 404).
        String noCase = "/api/cases/RMA-2000-999999/lines";
        probe("POST", "/api/cases/{number}/lines", noCase, Map.of("serial", "NO-SUCH"), Set.of("supervisor", "agent"));
        probe("POST", "/api/cases/{number}/lines/{line}/cancel", noCase + "/1/cancel", Map.of("reason", "x"),
                Set.of("supervisor", "agent"));
        probe("POST", "/api/cases/{number}/lines/{line}/doa", noCase + "/1/doa", Map.of("reason", "x"),
                Set.of("supervisor", "agent"));

        // Tasks: each user sees and takes only their own; a task that does not exist is 404 for everyone.
        probe("GET", "/api/tasks", "/api/tasks", all);
        probe("GET", "/api/tasks/{id}", "/api/tasks/no-such-task", all);
        probe("POST", "/api/tasks/{id}/claim", "/api/tasks/no-such-task/claim", Map.of(), allButQuality);
        probe("POST", "/api/tasks/{id}/complete", "/api/tasks/no-such-task/complete", Map.of(), allButQuality);

        // Repairs.
        probe("GET", "/api/repairs/suggestions", "/api/repairs/suggestions?part=" + part, all);
        probe("GET", "/api/repairs/{caseNumber}", "/api/repairs/" + number, all);
        probe("PUT", "/api/repairs/stock-targets/{depot}/{part}", "/api/repairs/stock-targets/CTU/" + part,
                Map.of("target", 0), admin);
        probe("GET", "/api/repairs/stock-targets", "/api/repairs/stock-targets?depot=CTU", all);

        // Scans: applied and listed at one's own location; photos decoded at the scan stations' roles.
        probe("POST", "/api/scans", "/api/scans", () -> Map.of("code", "NO-SUCH-BOARD", "action", "PICK", "location", "CTU",
                "clientScanId", UUID.randomUUID().toString()), Set.of("admin", "supervisor", DEPOT_IN));
        probe("GET", "/api/scans", "/api/scans?location=CTU", Set.of("admin", "supervisor", DEPOT_IN));
        probe("GET", "/api/scans", "/api/scans", Set.of("admin", "supervisor", DEPOT_IN, DEPOT_OUT, TECH_IN, TECH_OUT));
        probe("GET", "/api/scans", "/api/scans?location=" + REPAIR_CENTER, Set.of("admin", "supervisor", TECH_IN));
        probe("POST", "/api/scans/decode", "/api/scans/decode", photo(), Set.of(DEPOT_IN, DEPOT_OUT, TECH_IN, TECH_OUT));

        // Labels: of the boards and shipments of one's own location.
        for (String format : List.of("png", "pdf", "zpl")) {
            probe("GET", "/api/boards/{serial}/label." + format, "/api/boards/" + shelfBoard + "/label." + format, labelPrinters);
        }
        probe("GET", "/api/cases/{number}/return-label.{format}", "/api/cases/" + number + "/return-label.pdf",
                Set.of("admin", "supervisor", DEPOT_IN, DEPOT_OUT, TECH_IN, TECH_OUT));
        probe("POST", "/api/labels/sheet", "/api/labels/sheet", Map.of("serials", List.of(shelfBoard)), labelPrinters);
        probe("GET", "/api/labels/shipping.{format}", "/api/labels/shipping.png?" + ctuShipping,
                Set.of("admin", "supervisor", DEPOT_IN, TECH_IN));

        // Sourcing: quotes and decisions are read by all staff; the case's first owner or a supervisor reserves and
        // releases (here the spare is shipped: 409 past security); depot staff swap at their own depot.
        probe("POST", "/api/sourcing/quotes", "/api/sourcing/quotes", Map.of("partNumber", part, "siteId", site.id()),
                allButQuality);
        probe("POST", "/api/sourcing/reservations", "/api/sourcing/reservations",
                Map.of("partNumber", part, "siteId", site.id(), "caseNumber", number), Set.of("supervisor", "agent"));
        probe("GET", "/api/sourcing/reservations/{id}", "/api/sourcing/reservations/" + reservation, all);
        probe("GET", "/api/sourcing/reservations", "/api/sourcing/reservations?caseNumber=" + number, all);
        probe("DELETE", "/api/sourcing/reservations/{id}", "/api/sourcing/reservations/" + reservation,
                Set.of("supervisor", "agent"));
        probe("POST", "/api/sourcing/reservations/{id}/swap", "/api/sourcing/reservations/" + reservation + "/swap",
                Map.of("serial", shelfBoard), Set.of("admin", "supervisor", DEPOT_IN));
        probe("GET", "/api/sourcing/decisions/{caseNumber}", "/api/sourcing/decisions/" + number, all);

        // Measurement: read by supervisors, admins and the quality manager.
        probe("GET", "/api/kpis", "/api/kpis", measurers);
        probe("GET", "/api/kpis.csv", "/api/kpis.csv", measurers);
        probe("GET", "/api/kpis/field-returns", "/api/kpis/field-returns", measurers);
        probe("GET", "/api/kpis/field-returns.csv", "/api/kpis/field-returns.csv", measurers);
        probe("GET", "/api/alerts", "/api/alerts", measurers);
        probe("GET", "/api/monitor", "/api/monitor", measurers);

        // People and operations: admins only, but everyone changes their own password (a wrong current one: 400).
        probe("GET", "/api/users", "/api/users", admin);
        probe("GET", "/api/users/{username}", "/api/users/no-such-user", admin);
        probe("POST", "/api/users", "/api/users", Map.of(), admin);
        probe("PUT", "/api/users/{username}", "/api/users/no-such-user", Map.of(), admin);
        probe("POST", "/api/users/{username}/password-reset", "/api/users/no-such-user/password-reset", Map.of(), admin);
        probe("GET", "/api/users/{username}/certifications", "/api/users/no-such-user/certifications", admin);
        probe("POST", "/api/users/{username}/certifications", "/api/users/no-such-user/certifications", Map.of(), admin);
        probe("DELETE", "/api/users/{username}/certifications/{id}", "/api/users/no-such-user/certifications/0", admin);
        probe("GET", "/api/certifications/expiring", "/api/certifications/expiring", measurers);
        probe("POST", "/api/account/password", "/api/account/password", Map.of("current", "not-the-password",
                "new", "a-new-password-" + UUID.randomUUID()), all);
        probe("GET", "/api/audit", "/api/audit?entity=SERVICE_TIER", admin);
        probe("POST", "/api/admin/process-migrations", "/api/admin/process-migrations",
                Map.of("processKey", "no-such-process", "sourceVersion", 1, "dryRun", true), admin);
    }

    @Test
    void everyOperationOfTheApiDescriptionHasARuleAndEveryRuleAnOperation() {
        Set<String> described = describedOperations();
        Set<String> ruled = probes.stream().map(Probe::operation).collect(Collectors.toCollection(TreeSet::new));

        assertThat(described).as("operations of /v3/api-docs without a rule in this test: add one").isSubsetOf(ruled);
        assertThat(ruled).as("rules of operations that are not in /v3/api-docs: remove them").isSubsetOf(described);
    }

    @Test
    void everyRoleIsAllowedOrDeniedAsTheRulesSay() {
        List<String> wrong = new ArrayList<>();
        for (Probe probe : probes) {
            for (String user : everyone) {
                int status = call(user, probe).getStatusCode().value();
                boolean allowed = probe.allowed().contains(user);
                boolean ok = allowed ? status != 401 && status != 403 && status < 500 : status == 403;
                if (!ok) {
                    wrong.add(String.format(Locale.ROOT, "%s %s as %s: %d, expected %s", probe.method(), probe.path(), user,
                            status, allowed ? "allowed" : "403"));
                }
            }
        }
        assertThat(wrong).as("calls answered against the rules").isEmpty();
    }

    @Test
    void onlyThoseWhoSpeakWithCustomersSeeTheTrackingToken() {
        String number = probes.stream().filter(p -> p.operation().equals("GET /api/cases/{number}")).findFirst()
                .orElseThrow().path();
        for (String user : List.of("admin", "supervisor", "agent")) {
            assertThat(read(user, number).path("trackingToken").asText()).as(user).matches("[A-Za-z0-9_-]{32}");
        }
        for (String user : List.of(DEPOT_IN, TECH_IN, QUALITY)) {
            JsonNode seen = read(user, number);
            assertThat(seen.has("number")).as(user + " reads the case").isTrue();
            assertThat(seen.has("trackingToken")).as(user + " sees no tracking token").isFalse();
        }
    }

    @Test
    void depotStaffListTheScansOfTheirOwnDepotOnly() {
        JsonNode atChengdu = read(DEPOT_IN, "/api/scans?size=500").get("items");
        assertThat(atChengdu).as("the case's pick, pack and ship scans").isNotEmpty();
        assertThat(atChengdu).extracting(scan -> scan.get("location").asText()).containsOnly("CTU");
        assertThat(read(DEPOT_OUT, "/api/scans?size=500").get("items"))
                .extracting(scan -> scan.get("location").asText()).doesNotContain("CTU");
        assertThat(read("supervisor", "/api/scans?location=CTU&size=500").get("total").asLong())
                .isEqualTo(read(DEPOT_IN, "/api/scans?size=500").get("total").asLong());
    }

    private JsonNode read(String user, String path) {
        ResponseEntity<JsonNode> response = http.withBasicAuth(user, "demo").getForEntity(path, JsonNode.class);
        assertThat(response.getStatusCode().value()).as(user + " GET " + path).isEqualTo(200);
        return response.getBody();
    }

    /** METHOD /path/{template} of every operation the API describes. */
    private Set<String> describedOperations() {
        JsonNode paths = http.getForObject("/v3/api-docs", JsonNode.class).get("paths");
        Set<String> operations = new TreeSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> path = it.next();
            path.getValue().fieldNames().forEachRemaining(method -> operations.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey()));
        }
        assertThat(operations).as("the API description lists the API").hasSizeGreaterThan(20);
        return operations;
    }

    private ResponseEntity<String> call(String user, Probe probe) {
        Object body = probe.body().get();
        HttpHeaders headers = new HttpHeaders();
        if (body instanceof MultiValueMap<?, ?>) {
            headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        } else if (body != null) {
            headers.setContentType(MediaType.APPLICATION_JSON);
        }
        return http.withBasicAuth(user, "demo").exchange(probe.path(), HttpMethod.valueOf(probe.method()),
                new HttpEntity<>(body, headers), String.class);
    }

    private static MultiValueMap<String, Object> photo() {
        MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("photo", new ByteArrayResource("not an image".getBytes()) {
            @Override
            public String getFilename() {
                return "photo.png";
            }
        });
        return form;
    }

    private void probe(String method, String template, String path, Set<String> allowed) {
        probe(method, template, path, () -> null, allowed);
    }

    private void probe(String method, String template, String path, Object body, Set<String> allowed) {
        probe(method, template, path, () -> body, allowed);
    }

    private void probe(String method, String template, String path, Supplier<Object> body,
                       Set<String> allowed) {
        assertThat(everyone).as("rule of %s %s names known users", method, path).containsAll(allowed);
        probes.add(new Probe(method, template, path, body, allowed));
    }

    /** One call of an operation ({@code template}) at a concrete {@code path}, and the users it lets past security. */
    private record Probe(String method, String template, String path, Supplier<Object> body,
                         Set<String> allowed) {

        String operation() {
            return method + " " + template;
        }
    }
}

package io.spareflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.spareflow.SpareflowIntegrationTest;
import io.spareflow.rma.RmaApiClient;
import io.spareflow.rma.RmaCaseBpmn;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * The issue's "Done when" as one story on PostgreSQL and the real engine: the administrator alone sets up a depot and
 * a repair center (the location and board imports of the admin pages), users with a certified technician, a customer
 * with a site, a contact and a contract, stock and a stock target (the API), all under new codes; then a case runs
 * through them to its close with scans, done by the new users; and every change is in {@code GET /api/audit}.
 */
@SpareflowIntegrationTest
class AdministratorSetUpStoryTest {

    private static final String PASSWORD = "Glacier-Lagoon-Ferry-2026";

    @Autowired
    TestRestTemplate rest;
    @Autowired
    ObjectMapper json;

    private final String run = UUID.randomUUID().toString().substring(0, 5).toUpperCase(Locale.ROOT);
    private final String depot = "D" + run;
    private final String repairCenter = "RC-" + run;
    private final String customer = "C-" + run;
    private final String lower = run.toLowerCase(Locale.ROOT);

    @Test
    void anAdministratorSetsUpTheServiceAndACaseRunsThroughItToItsClose() {
        RmaApiClient admin = new RmaApiClient(rest, json);
        RmaApiClient staff = new RmaApiClient(rest, json, PASSWORD);
        PageSession adminPages = PageSession.signIn(rest, "admin");
        LocalDate today = LocalDate.now(ZoneOffset.UTC);

        // Where: a depot and a repair center in Reykjavik, far from every other location of the network.
        String locations = "locations-" + run + ".csv";
        upload(adminPages, "/admin/import/locations", locations, """
                code,name,type,city,country,latitude,longitude,time_zone,business_hours,handling_minutes
                %s,Reykjavik Depot %s,OVERSEAS_DEPOT,Reykjavik,IS,64.1466,-21.9426,Atlantic/Reykjavik,MON-SUN 00:00-24:00,30
                %s,Reykjavik Repair Center %s,REPAIR_CENTER,Reykjavik,IS,64.1355,-21.8954,Atlantic/Reykjavik,MON-FRI 08:00-17:00,60
                """.formatted(depot, run, repairCenter, run));
        assertThat(admin.read(admin.get("agent", "/api/locations/" + repairCenter).getBody()).get("type").asText())
                .isEqualTo("REPAIR_CENTER");

        // Who: a supervisor, an agent, depot staff and a technician, certified for the board's product line.
        String part = "130103811";
        String line = admin.read(admin.get("admin", "/api/parts/" + part).getBody()).at("/part/productLine").asText();
        // Not at HQ: the monitoring center's supervisor, who answers for unowned cases, stays the demo's one.
        String supervisor = user(admin, "sup", "SUPERVISOR", depot, null);
        String agent = user(admin, "agt", "AGENT", depot, supervisor);
        String depotStaff = user(admin, "dep", "DEPOT", depot, supervisor);
        String technician = user(admin, "tec", "TECHNICIAN", repairCenter, supervisor);
        long l2 = certify(admin, technician, line, "L2", today);
        long l1 = certify(admin, agent, line, "L1", today);

        // The customer: site, contact, contract on PLATINUM.
        created(admin.post("admin", "/api/customers", Map.of("code", customer, "name", "Reykjavik Telecom " + run, "country", "IS")));
        long siteId = admin.read(created(admin.post("admin", "/api/customers/" + customer + "/sites", Map.of("name",
                "Reykjavik core " + run, "city", "Reykjavik", "country", "IS", "latitude", 64.1265, "longitude", -21.8174,
                "timeZone", "Atlantic/Reykjavik")))).get("id").asLong();
        String contactMail = "noc-" + lower + "@spareflow.local";
        long contactId = admin.read(created(admin.post("admin", "/api/customers/" + customer + "/contacts",
                Map.of("name", "NOC " + run, "email", contactMail, "locale", "en")))).get("id").asLong();
        String contract = "K-" + run;
        created(admin.post("admin", "/api/customers/" + customer + "/contracts", Map.of("contractNumber", contract,
                "tier", "PLATINUM", "validFrom", today.minusDays(1).toString(), "validTo", today.plusYears(1).toString())));

        // Stock: two spares at the depot and the board installed at the site; the depot wants many of that part.
        String spareA = "IS" + run + "A";
        String spareB = "IS" + run + "B";
        String faulty = "IS" + run + "F";
        String boards = "boards-" + run + ".csv";
        upload(adminPages, "/admin/import/boards", boards, """
                serial,part_number,revision,status,location_code,site_id
                %s,%s,,AVAILABLE,%s,
                %s,%s,,AVAILABLE,%s,
                %s,%s,,INSTALLED,,%d
                """.formatted(spareA, part, depot, spareB, part, depot, faulty, part, siteId));
        ResponseEntity<String> target = rest.withBasicAuth("admin", "demo").exchange("/api/repairs/stock-targets/" + depot
                + "/" + part, HttpMethod.PUT, new HttpEntity<>(Map.of("target", 50)), String.class);
        assertThat(target.getStatusCode().is2xxSuccessful()).as(target.getBody()).isTrue();

        // The case, from the report to the close, by the new users only.
        String number = staff.report(agent, customer, siteId, faulty);
        staff.complete(agent, number, RmaCaseBpmn.TASK_ACCEPT_CASE, Map.of());
        staff.complete(agent, number, RmaCaseBpmn.TASK_REMOTE_DIAGNOSIS, Map.of("diagnosisOutcome", "SPARE_NEEDED"));
        JsonNode reserved = caseOf(staff, agent, number);
        assertThat(reserved.at("/spare/depotCode").asText()).as("the nearest depot with stock").isEqualTo(depot);
        String spare = reserved.at("/spare/serial").asText();
        assertThat(spare).isIn(spareA, spareB);
        assertThat(returnLabel(number)).as("the certified repair center nearest the site").contains("(" + repairCenter + ")");

        staff.scan(depotStaff, spare, "PICK", depot, Map.of());
        staff.scan(depotStaff, spare, "PACK", depot, Map.of());
        staff.scan(depotStaff, spare, "SHIP", depot, Map.of("trackingNumber", "IS" + run));
        staff.scan(depotStaff, spare, "DELIVER", depot, Map.of("siteId", siteId));
        staff.scan(technician, faulty, "DEFECTIVE_RECEIVE", repairCenter, Map.of("caseNumber", number));
        staff.scan(technician, faulty, "REPAIR_INTAKE", repairCenter, Map.of());
        staff.complete(technician, number, "Task_DiagnoseBoard", Map.of("finding", "laser bias out of range", "diagnosis", "FAULT_CONFIRMED"));
        staff.complete(technician, number, "Task_RepairBoard", Map.of("actions", "replaced the TOSA module"));
        staff.complete(technician, number, "Task_TestBoard", Map.of("testResult", "PASS"));
        assertThat(staff.read(staff.get(agent, "/api/repairs/" + number).getBody()).get("returnDepot").asText())
                .as("the depot furthest below its stock target").isEqualTo(depot);
        staff.scan(technician, faulty, "PACK", repairCenter, Map.of());
        staff.scan(technician, faulty, "SHIP", repairCenter, Map.of("trackingNumber", "IS" + run + "R"));
        staff.scan(depotStaff, faulty, "RECEIVE", depot, Map.of());
        staff.scan(depotStaff, faulty, "PUTAWAY", depot, Map.of());
        staff.complete(agent, number, RmaCaseBpmn.TASK_CLOSE_CASE, Map.of("resolution", "spare installed, board repaired"));

        JsonNode closed = caseOf(staff, agent, number);
        assertThat(closed.get("state").asText()).isEqualTo("CLOSED");
        assertThat(closed.at("/firstOwner/username").asText()).isEqualTo(agent);
        assertThat(closed.get("tier").asText()).isEqualTo("PLATINUM");
        JsonNode history = admin.read(admin.get("admin", "/api/boards/" + faulty).getBody());
        assertThat(history.at("/board/status").asText()).as("repaired, back in stock").isEqualTo("AVAILABLE");
        assertThat(history.at("/board/locationCode").asText()).isEqualTo(depot);
        List<String> scannedBy = new ArrayList<>();
        history.get("custody").forEach(record -> scannedBy.add(record.path("username").asText()));
        assertThat(scannedBy).as("the chain of custody").contains(technician, depotStaff);

        // Every change of the set-up is in the audit trail, with the administrator as its author.
        audited(admin, "LOCATION", locations, "IMPORT");
        audited(admin, "BOARD", boards, "IMPORT");
        for (String username : List.of(supervisor, agent, depotStaff, technician)) {
            audited(admin, "USER", username, "CREATE");
        }
        audited(admin, "CERTIFICATION", String.valueOf(l2), "CREATE");
        audited(admin, "CERTIFICATION", String.valueOf(l1), "CREATE");
        audited(admin, "CUSTOMER", customer, "CREATE");
        audited(admin, "SITE", String.valueOf(siteId), "CREATE");
        audited(admin, "CONTACT", String.valueOf(contactId), "CREATE");
        audited(admin, "CONTRACT", contract, "CREATE");
        audited(admin, "STOCK_TARGET", depot + "/" + part, "CREATE");
    }

    private String user(RmaApiClient admin, String kind, String role, String location, String supervisor) {
        String username = kind + "-" + lower;
        Map<String, Object> body = new HashMap<>();
        body.put("username", username);
        body.put("displayName", kind + " " + run);
        body.put("email", username + "@spareflow.local");
        body.put("role", role);
        body.put("locationCode", location);
        body.put("supervisor", supervisor);
        body.put("locale", "en");
        body.put("enabled", true);
        body.put("password", PASSWORD);
        created(admin.post("admin", "/api/users", body));
        return username;
    }

    private long certify(RmaApiClient admin, String username, String line, String level, LocalDate today) {
        return admin.read(created(admin.post("admin", "/api/users/" + username + "/certifications", Map.of("productLine", line,
                "level", level, "issuedBy", "Reykjavik training center", "validFrom", today.toString(),
                "validUntil", today.plusYears(1).toString())))).get("id").asLong();
    }

    private static String created(ResponseEntity<String> response) {
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.CREATED);
        return response.getBody();
    }

    /** Uploads a CSV file on an admin page; every line of it must be imported (the audit keeps the line report). */
    private void upload(PageSession admin, String path, String file, String csv) {
        MultiValueMap<String, Object> upload = new LinkedMultiValueMap<>();
        upload.add("file", new ByteArrayResource(csv.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return file;
            }
        });
        admin.postForm(path, upload, MediaType.MULTIPART_FORM_DATA);
        JsonNode report = new RmaApiClient(rest, json).read(rest.withBasicAuth("admin", "demo")
                .getForObject("/api/audit?id=" + file, String.class)).path(0).path("after");
        assertThat(report.path("imported").asInt()).as("%s: %s", file, report).isEqualTo(csv.strip().split("\n").length - 1);
    }

    private JsonNode caseOf(RmaApiClient staff, String user, String number) {
        return staff.read(staff.get(user, "/api/cases/" + number).getBody());
    }

    private String returnLabel(String number) {
        ResponseEntity<String> label = rest.withBasicAuth("admin", "demo").getForEntity("/api/cases/" + number
                + "/return-label.zpl", String.class);
        assertThat(label.getStatusCode()).as(label.getBody()).isEqualTo(HttpStatus.OK);
        return label.getBody();
    }

    private static void audited(RmaApiClient admin, String entity, String id, String action) {
        JsonNode entries = admin.read(admin.get("admin", "/api/audit?entity=" + entity + "&id=" + id).getBody());
        assertThat(entries).as("%s %s audited", entity, id).anySatisfy(entry -> {
            assertThat(entry.get("action").asText()).isEqualTo(action);
            assertThat(entry.get("actor").asText()).isEqualTo("admin");
        });
    }
}

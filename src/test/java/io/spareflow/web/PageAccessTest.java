package io.spareflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.spareflow.SpareflowIntegrationTest;
import io.spareflow.board.BoardStatus;
import io.spareflow.board.NewBoard;
import io.spareflow.customer.SiteInfo;
import io.spareflow.rma.RmaApiTestSupport;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** Who may open which page and post which form: roles, scopes and CSRF, checked on the server. */
@SpareflowIntegrationTest
class PageAccessTest extends RmaApiTestSupport {

    @Autowired
    TestRestTemplate rest;

    @ParameterizedTest(name = "{0} GET {1} → {2}")
    @CsvSource({
            "depot-CTU, /scan, 200", "tech-RC-SZX, /scan, 200", "agent, /scan, 403", "supervisor, /scan, 403",
            "admin, /scan, 403",
            "agent, /hotline, 200", "supervisor, /hotline, 200", "depot-CTU, /hotline, 403", "tech-RC-SZX, /hotline, 403",
            "supervisor, /monitor, 200", "agent, /monitor, 403", "depot-CTU, /monitor, 403", "admin, /monitor, 403",
            "depot-CTU, /depot, 200", "tech-RC-SZX, /depot, 403", "agent, /depot, 403",
            "tech-RC-SZX, /repair, 200", "depot-CTU, /repair, 403", "supervisor, /repair, 403",
            "admin, /admin, 200", "supervisor, /admin, 403", "depot-CTU, /admin, 403",
            "depot-CTU, /, 200", "agent, /, 200"})
    void pagesAreOpenToTheirRolesOnly(String user, String path, int status) {
        PageSession session = signIn(user);
        assertThat(session.get(path).getStatusCode().value()).isEqualTo(status);
    }

    @Test
    void anUnknownCaseIsAPageSaying404() {
        ResponseEntity<String> missing = signIn("supervisor").get("/cases/RMA-1999-000000");
        assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(missing.getBody()).contains("No case").contains("RMA-1999-000000").doesNotContain("\"detail\"");
    }

    @Test
    void theCasePageHasTheScopesOfTheCaseApi() {
        String part = fixture.part();
        SiteInfo site = fixture.chengdu();
        String faulty = fixture.installedAt(part, site);
        fixture.inStock(part, "CTU");
        String number = api.report("agent", site.customerCode(), site.id(), faulty);
        api.acceptNeedingASpare("agent", number);

        ResponseEntity<String> agent = signIn("agent").get("/cases/" + number);
        assertThat(agent.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(agent.getBody()).contains("E-mails sent");
        ResponseEntity<String> depot = signIn("depot-CTU").get("/cases/" + number);
        assertThat(depot.getStatusCode()).as("its spare leaves CTU").isEqualTo(HttpStatus.OK);
        assertThat(depot.getBody()).contains(number).doesNotContain("E-mails sent");
        assertThat(signIn("depot-UIO").get("/cases/" + number).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(signIn("tech-RC-SZX").get("/cases/" + number).getStatusCode()).as("not repaired yet")
                .isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void withoutSignInEveryPageLeadsToTheLoginForm() {
        for (String path : List.of("/scan", "/hotline", "/monitor", "/depot", "/repair", "/admin", "/cases/RMA-0")) {
            assertThat(rest.getForEntity(path, String.class).getBody()).as(path).contains("name=\"password\"");
        }
    }

    @Test
    void aFormPostedWithoutTheCsrfTokenIsRefused() {
        PageSession agent = signIn("agent");
        HttpHeaders headers = agent.headers();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("customerCode", "CMCC-SC");
        ResponseEntity<String> response = rest.exchange("/hotline/report", HttpMethod.POST, new HttpEntity<>(form, headers),
                String.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void theScanStationScansOnlyAtTheUsersOwnDepot() {
        String serial = "PA" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        boards.register(new NewBoard(serial, "130104205", null, BoardStatus.RECEIVED, "UIO", null));
        PageSession depot = signIn("depot-CTU");

        ResponseEntity<Map> elsewhere = depot.postScan(Map.of("code", serial, "action", "PUTAWAY", "location", "UIO",
                "clientScanId", "page-access-" + serial));

        assertThat(elsewhere.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat((String) elsewhere.getBody().get("detail")).contains("You work at CTU");
        assertThat(boards.require(serial).status()).isEqualTo(BoardStatus.RECEIVED);
    }

    @Test
    void theScanStationAppliesAScanOnceHoweverOftenItIsSent() {
        String serial = "PA" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        boards.register(new NewBoard(serial, "130104205", null, BoardStatus.RECEIVED, "CTU", null));
        PageSession depot = signIn("depot-CTU");
        Map<String, String> scan = Map.of("code", serial, "action", "PUTAWAY", "location", "CTU",
                "clientScanId", "page-once-" + serial);

        ResponseEntity<Map> first = depot.postScan(scan);
        ResponseEntity<Map> again = depot.postScan(scan);

        assertThat(first.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(again.getBody()).isEqualTo(first.getBody());
        assertThat(boards.require(serial).status()).isEqualTo(BoardStatus.AVAILABLE);
        assertThat(boards.history(serial).custody()).hasSize(2);
    }

    @Test
    void labelsArePrintedForBoardsAtTheUsersOwnLocationOnly() {
        String here = "PL" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        String elsewhere = "PL" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        boards.register(new NewBoard(here, "130104205", null, BoardStatus.AVAILABLE, "CTU", null));
        boards.register(new NewBoard(elsewhere, "130104205", null, BoardStatus.AVAILABLE, "UIO", null));
        PageSession depot = signIn("depot-CTU");

        ResponseEntity<byte[]> png = depot.getBytes("/labels/boards/" + here + ".png");
        assertThat(png.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(png.getHeaders().getContentType()).isEqualTo(MediaType.IMAGE_PNG);
        assertThat(new String(depot.getBytes("/labels/boards/" + here + ".zpl").getBody(), StandardCharsets.UTF_8))
                .startsWith("^XA").contains(here);
        assertThat(depot.getBytes("/labels/boards/" + elsewhere + ".pdf").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(depot.get("/labels/boards/NO-SUCH-BOARD-1.png").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

        MultiValueMap<String, String> sheet = new LinkedMultiValueMap<>();
        sheet.add("serials", here);
        sheet.add("_csrf", depot.csrfToken());
        HttpHeaders headers = depot.headers();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        ResponseEntity<byte[]> pdf = rest.exchange("/labels/sheet", HttpMethod.POST, new HttpEntity<>(sheet, headers),
                byte[].class);
        assertThat(pdf.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(new String(pdf.getBody(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        assertThat(signIn("agent").getBytes("/labels/boards/" + here + ".png").getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void aPhotoWithoutABarcodeIsAProblemNamingWhatIsWrong() {
        PageSession depot = signIn("depot-CTU");
        HttpHeaders headers = depot.headers();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        headers.add("X-CSRF-TOKEN", depot.csrfToken());
        MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("photo", new ByteArrayResource("not an image".getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return "label.jpg";
            }
        });
        ResponseEntity<Map> refused = rest.exchange("/scan/decode", HttpMethod.POST, new HttpEntity<>(form, headers),
                Map.class);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat((String) refused.getBody().get("detail")).isNotBlank();
    }

    private PageSession signIn(String user) {
        return PageSession.signIn(rest, user);
    }
}

package io.spareflow.portal;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import io.spareflow.SpareflowIntegrationTest;
import io.spareflow.board.Boards;
import io.spareflow.customer.ContactInfo;
import io.spareflow.customer.Customers;
import io.spareflow.label.LabelFormat;
import io.spareflow.label.Labels;
import io.spareflow.notify.CaseFixtures;
import io.spareflow.notify.Mailboxes;
import io.spareflow.rma.CaseChannel;
import io.spareflow.rma.Cases;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

@SpareflowIntegrationTest
class PortalTest {

    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);

    @Autowired
    TestRestTemplate rest;
    @Autowired
    GreenMail mail;
    @Autowired
    Customers customers;
    @Autowired
    Boards boards;
    @Autowired
    Cases cases;
    @Autowired
    Labels labels;
    @Autowired
    JdbcTemplate jdbc;
    @Value("${spareflow.portal.links-per-address}")
    int linksPerAddress;
    @Value("${spareflow.portal.links-per-client}")
    int linksPerClient;

    @Test
    void aContactSignsInByMailedLinkAndSeesOnlyTheirCustomersCases() throws Exception {
        ContactInfo contact = newContact("CMCC-SC", "en");
        String board = CaseFixtures.installedBoard(boards, customers, "CMCC-SC", "Chengdu");
        String own = number(CaseFixtures.report(rest, "CMCC-SC", CaseFixtures.siteOf(customers, "CMCC-SC", "Chengdu"), board));
        CaseFixtures.accept(rest, own);
        String closedBoard = CaseFixtures.installedBoard(boards, customers, "CMCC-SC", "Leshan");
        String closed = number(CaseFixtures.report(rest, "CMCC-SC", CaseFixtures.siteOf(customers, "CMCC-SC", "Leshan"), closedBoard));
        CaseFixtures.resolveRemotelyAndClose(rest, closed);
        String otherBoard = CaseFixtures.installedBoard(boards, customers, "TE-EG", "Cairo");
        String others = number(CaseFixtures.report(rest, "TE-EG", CaseFixtures.siteOf(customers, "TE-EG", "Cairo"), otherBoard));

        PortalClient portal = PortalClient.signedIn(rest, mail, contact.email());

        String list = portal.get("/portal/cases").getBody();
        assertThat(list).contains(own, closed, board, "China Mobile Sichuan").doesNotContain(others)
                .contains("Accepted, remote diagnosis in progress").contains(">Closed<");
        ResponseEntity<String> page = portal.get("/portal/cases/" + own);
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(page.getBody()).contains(own, board, "Fault reported", "Accepted by Li Wei, your first owner")
                // the customer's timeline only: no internal entries, no user names
                .doesNotContain("took the case").doesNotContain("FIRST_OWNER").doesNotContain(">agent<");
        assertThat(portal.get("/portal/cases/" + closed).getBody()).contains("Case closed");

        ResponseEntity<String> foreign = portal.get("/portal/cases/" + others);
        assertThat(foreign.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(foreign.getBody()).doesNotContain(otherBoard).doesNotContain("Cairo");
        assertThat(portal.getBytes("/portal/cases/" + others + "/return-label.pdf").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

        String sites = portal.get("/portal/sites").getBody();
        assertThat(sites).contains("Chengdu Tianfu core data center", board, closedBoard).doesNotContain(otherBoard)
                .doesNotContain("Cairo Ramses");

        // Staff and customers never share a scope: the portal session opens no staff page or API, a staff
        // password opens no portal page.
        assertThat(portal.get("/hotline").getStatusCode()).isEqualTo(HttpStatus.FOUND);
        assertThat(portal.get("/hotline").getHeaders().getLocation()).hasPath("/login");
        assertThat(portal.get("/api/cases/" + own).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        ResponseEntity<String> staff = rest.withBasicAuth("supervisor", "demo")
                .withRedirects(org.springframework.boot.http.client.ClientHttpRequestFactorySettings.Redirects.DONT_FOLLOW)
                .getForEntity("/portal/cases", String.class);
        assertThat(staff.getStatusCode()).isEqualTo(HttpStatus.FOUND);
        assertThat(staff.getHeaders().getLocation()).hasPath("/portal");

        portal.submit("/portal/cases", "/portal/sign-out", Map.of());
        assertThat(portal.get("/portal/cases").getHeaders().getLocation()).hasPath("/portal");
    }

    @Test
    void aLinkSignsInOnceOnlyAndNotAfterItExpires() throws Exception {
        ContactInfo contact = newContact("CMCC-SC", "en");
        PortalClient first = new PortalClient(rest);
        first.askForLink(contact.email());
        String token = PortalClient.awaitLink(mail, contact.email(), 1);
        assertThat(first.useLink(token).getHeaders().getLocation()).hasPath("/portal/cases");

        ResponseEntity<String> reused = new PortalClient(rest).useLink(token);
        assertThat(reused.getStatusCode()).isEqualTo(HttpStatus.GONE);
        assertThat(reused.getBody()).contains("expired or was already used");

        // Only the token's hash is stored, and the sent mail's body is not kept in the outbox.
        assertThat(jdbc.queryForObject("select count(*) from portal_sign_in_link where token_hash = ?", Integer.class, token)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from portal_sign_in_link where token_hash = ? and used_at is not null",
                Integer.class, sha256(token))).isEqualTo(1);
        assertThat(jdbc.queryForList("select text_body from mail_outbox where recipient = ? and status = 'SENT'", String.class,
                contact.email())).isNotEmpty().noneMatch(body -> body.contains(token));

        PortalClient second = new PortalClient(rest);
        second.askForLink(contact.email());
        String late = PortalClient.awaitLink(mail, contact.email(), 2);
        jdbc.update("update portal_sign_in_link set created_at = now() - interval '1 hour', expires_at = now() - interval '1 second'"
                + " where token_hash = ?", sha256(late));
        ResponseEntity<String> expired = second.useLink(late);
        assertThat(expired.getStatusCode()).isEqualTo(HttpStatus.GONE);
        assertThat(second.get("/portal/cases").getHeaders().getLocation()).as("still signed out").hasPath("/portal");

        assertThat(new PortalClient(rest).get("/portal/sign-in/not-a-token").getStatusCode()).isEqualTo(HttpStatus.GONE);
    }

    @Test
    void anUnknownAddressGetsTheSameAnswerAndNoMail() throws Exception {
        ContactInfo known = newContact("CNT-EC", "en");
        String unknown = "nobody." + RUN + "@unknown-operator.example";

        ResponseEntity<String> toUnknown = new PortalClient(rest).askForLink(unknown);
        ResponseEntity<String> toKnown = new PortalClient(rest).askForLink(known.email());

        assertThat(toUnknown.getStatusCode()).isEqualTo(toKnown.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(normalized(toUnknown.getBody(), unknown)).isEqualTo(normalized(toKnown.getBody(), known.email()));
        assertThat(toKnown.getBody()).contains("a sign-in link is on its way");
        // Links are issued in order on one worker: once the known contact's link is here, the unknown one was handled.
        PortalClient.awaitLink(mail, known.email(), 1);
        assertThat(Mailboxes.await(mail, unknown, m -> true, 0)).isEmpty();
    }

    @Test
    void signInLinksAreThrottledPerAddressAndPerClientAddress() throws Exception {
        ContactInfo contact = newContact("SAF-KE", "en");
        for (int i = 0; i < linksPerAddress; i++) {
            assertThat(new PortalClient(rest).askForLink(contact.email()).getStatusCode()).isEqualTo(HttpStatus.OK);
        }
        ResponseEntity<String> tooMany = new PortalClient(rest).askForLink(contact.email().toUpperCase(Locale.ROOT));
        assertThat(tooMany.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(tooMany.getBody()).contains("Too many sign-in links");
        PortalClient.awaitLink(mail, contact.email(), linksPerAddress);
        assertThat(Mailboxes.await(mail, contact.email(), m -> true, linksPerAddress)).hasSize(linksPerAddress);

        // One client address (as the reverse proxy reports it) asking for links to many addresses.
        String prober = "203.0.113." + ThreadLocalRandom.current().nextInt(1, 255);
        for (int i = 0; i < linksPerClient; i++) {
            assertThat(new PortalClient(rest, prober).askForLink("probe" + i + "." + RUN + "@unknown-operator.example")
                    .getStatusCode()).isEqualTo(HttpStatus.OK);
        }
        assertThat(new PortalClient(rest, prober).askForLink("probe-last." + RUN + "@unknown-operator.example").getStatusCode())
                .isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(new PortalClient(rest).askForLink("other." + RUN + "@unknown-operator.example").getStatusCode())
                .as("other clients are not affected").isEqualTo(HttpStatus.OK);
        assertThat(new PortalClient(rest).askForLink("not an address").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void aContactReportsAFaultOnlineAndReceivesTheAcknowledgement() throws Exception {
        ContactInfo contact = newContact("CMCC-SC", "en");
        long chengdu = CaseFixtures.siteOf(customers, "CMCC-SC", "Chengdu");
        String here = CaseFixtures.installedBoard(boards, customers, "CMCC-SC", "Chengdu");
        String elsewhere = CaseFixtures.installedBoard(boards, customers, "CMCC-SC", "Mianyang");
        PortalClient portal = PortalClient.signedIn(rest, mail, contact.email());
        assertThat(portal.get("/portal/report").getBody()).contains(here, elsewhere);

        ResponseEntity<String> wrongSite = report(portal, chengdu, Map.of("serial", elsewhere));
        assertThat(wrongSite.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(wrongSite.getBody()).contains("Board " + elsewhere + " is not installed at Chengdu Tianfu core data center");
        assertThat(report(portal, chengdu, Map.of("serial", "NOSUCHBOARD" + RUN.toUpperCase(Locale.ROOT))).getBody())
                .contains("No board with serial NOSUCHBOARD");
        assertThat(report(portal, CaseFixtures.siteOf(customers, "TE-EG", "Cairo"), Map.of("board", here)).getBody())
                .contains("Choose one of your sites");
        assertThat(cases.openCaseOf(here)).isEmpty();

        ResponseEntity<String> reported = report(portal, chengdu, Map.of("board", here));
        assertThat(reported.getStatusCode()).isEqualTo(HttpStatus.FOUND);
        String number = cases.openCaseOf(here).orElseThrow();
        assertThat(reported.getHeaders().getLocation()).hasPath("/portal/cases/" + number);
        assertThat(cases.find(number).orElseThrow().channel()).isEqualTo(CaseChannel.WEB);
        assertThat(portal.get("/portal/cases/" + number).getBody()).contains("Your fault report is case " + number)
                .contains("Customer portal").contains("Fault reported");
        List<MimeMessage> acknowledged = Mailboxes.await(mail, contact.email(), Mailboxes.subjectContains(number), 1);
        assertThat(acknowledged).hasSize(1);
        assertThat(acknowledged.get(0).getSubject()).isEqualTo("[" + number + "] We have received your fault report");

        ResponseEntity<String> again = report(portal, chengdu, Map.of("serial", here.toLowerCase(Locale.ROOT)));
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(again.getBody()).contains("Board " + here + " is already on open case " + number);
    }

    @Test
    void theSerialIsReadFromAPhotoOfTheBoardLabel() throws Exception {
        ContactInfo contact = newContact("CMCC-SC", "en");
        String board = CaseFixtures.installedBoard(boards, customers, "CMCC-SC", "Chengdu");
        PortalClient portal = PortalClient.signedIn(rest, mail, contact.email());
        String csrf = csrfOf(portal.get("/portal/report").getBody());

        ResponseEntity<Map> read = decode(portal, csrf, labels.board(board, "4x2", LabelFormat.PNG));
        assertThat(read.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(read.getBody()).containsEntry("serial", board);
        ResponseEntity<Map> blank = decode(portal, csrf, new byte[] {1, 2, 3});
        assertThat(blank.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((String) blank.getBody().get("detail")).contains("No board code could be read");
    }

    @Test
    void thePortalAndItsMailSpeakTheContactsLanguage() throws Exception {
        ContactInfo contact = newContact("CMCC-SC", "zh-CN");
        new PortalClient(rest).askForLink(contact.email());
        MimeMessage link = Mailboxes.await(mail, contact.email(), m -> true, 1).get(0);
        assertThat(link.getSubject()).isEqualTo("您的 Spareflow 客户门户登录链接");
        assertThat(Mailboxes.text(link)).contains("China Mobile Sichuan").contains("有效期 15 分钟");

        PortalClient portal = PortalClient.signedIn(rest, mail, contact.email());
        String page = portal.get("/portal/cases").getBody();
        assertThat(page).contains("lang=\"zh-CN\"").contains("您的工单").contains("在线报障").doesNotContain("Your cases");
    }

    private ResponseEntity<String> report(PortalClient portal, long siteId, Map<String, String> board) {
        Map<String, String> fields = new java.util.HashMap<>(board);
        fields.put("siteId", String.valueOf(siteId));
        fields.put("symptom", "Board alarm LED red, traffic down since 03:10");
        return portal.submit("/portal/report", "/portal/report", fields);
    }

    @SuppressWarnings("rawtypes")
    private ResponseEntity<Map> decode(PortalClient portal, String csrf, byte[] photo) {
        MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("photo", new ByteArrayResource(photo) {
            @Override
            public String getFilename() {
                return "label.png";
            }
        });
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        headers.add("X-CSRF-TOKEN", csrf);
        headers.add(HttpHeaders.COOKIE, portal.cookie());
        return rest.exchange("/portal/report/decode", HttpMethod.POST, new HttpEntity<>(form, headers), Map.class);
    }

    private static String csrfOf(String page) {
        java.util.regex.Matcher token = java.util.regex.Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"").matcher(page);
        assertThat(token.find()).isTrue();
        return token.group(1);
    }

    /** A contact of its own for each test, so the per-address limit and the mailbox are the test's. */
    private ContactInfo newContact(String customer, String locale) {
        String email = "portal." + UUID.randomUUID().toString().substring(0, 8) + "@" + customer.toLowerCase(Locale.ROOT) + ".example";
        return customers.addContact(customer, "Portal Tester", email, locale);
    }

    private static String number(Map<String, Object> created) {
        return (String) created.get("number");
    }

    /** The page without what differs by request: the address typed and the CSRF token. */
    private static String normalized(String page, String email) {
        return page.replace(email, "EMAIL").replaceAll("value=\"[^\"]{30,}\"", "value=\"TOKEN\"")
                .replaceAll("content=\"[^\"]{30,}\"", "content=\"TOKEN\"");
    }

    private static String sha256(String token) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
    }
}

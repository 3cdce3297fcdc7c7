package io.spareflow.portal;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import io.spareflow.SpareflowIntegrationTest;
import io.spareflow.customer.ContactInfo;
import io.spareflow.customer.Customers;
import io.spareflow.customer.SiteInfo;
import io.spareflow.label.ReturnLabels;
import io.spareflow.notify.Mailboxes;
import io.spareflow.rma.CaseView;
import io.spareflow.rma.Cases;
import io.spareflow.rma.RmaApiTestSupport;
import jakarta.mail.BodyPart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The return label reaches the customer: attached as PDF to the mail that asks for the defective board (rendered
 * when the mail is sent; the outbox stores only the reference), and downloadable from the tracking page and the
 * portal while the board is to be sent back. Uses whichever {@link ReturnLabels} the application has.
 */
@SpareflowIntegrationTest
class ReturnLabelDeliveryTest extends RmaApiTestSupport {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    GreenMail mail;
    @Autowired
    Customers customers;
    @Autowired
    Cases cases;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theReturnRequestOfARepairAndReturnCaseCarriesTheReturnLabel() throws Exception {
        SiteInfo site = fixture.addisAbaba();
        ContactInfo contact = newContact(site);
        String faulty = fixture.installedAt(fixture.part(), site);
        String number = api.report("agent", site.customerCode(), site.id(), faulty);
        api.complete("agent", number, "Task_AcceptCase", Map.of());
        CaseView reported = cases.find(number).orElseThrow();
        assertThat(returnLabelPage(reported)).as("no label before the board is asked for").doesNotContain("return-label.pdf");

        api.complete("agent", number, "Task_RemoteDiagnosis", Map.of("diagnosisOutcome", "SPARE_NEEDED"));

        List<MimeMessage> requests = Mailboxes.await(mail, contact.email(),
                Mailboxes.subjectContains("[" + number + "] Please send us the defective board"), 1);
        assertThat(requests).hasSize(1);
        MimeMessage request = requests.get(0);
        assertThat(Mailboxes.text(request)).contains(faulty).contains("The return label is attached");
        Part attachment = attachmentOf(request);
        assertThat(attachment.getFileName()).isEqualTo("return-label-" + number + ".pdf");
        assertThat(attachment.getContentType()).startsWith("application/pdf");
        try (InputStream in = attachment.getInputStream()) {
            assertThat(barcodesOf(in.readAllBytes())).contains("CODE-128:" + number);
        }
        assertThat(jdbc.queryForList("select attachment from mail_outbox where case_number = ? and kind = 'MILESTONE_RETURN_REQUESTED'",
                String.class, number)).isNotEmpty().containsOnly("RETURN_LABEL_PDF");
        assertThat(jdbc.queryForObject("select max(length(text_body) + coalesce(length(html_body), 0)) from mail_outbox where case_number = ?",
                Integer.class, number)).as("no PDF in the outbox").isLessThan(20_000);

        CaseView awaiting = cases.find(number).orElseThrow();
        assertThat(returnLabelPage(awaiting)).contains("/track/" + awaiting.trackingToken() + "/return-label.pdf");
        ResponseEntity<byte[]> tracked = rest.getForEntity("/track/" + awaiting.trackingToken() + "/return-label.pdf", byte[].class);
        assertThat(tracked.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(tracked.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
        assertThat(barcodesOf(tracked.getBody())).contains("CODE-128:" + number);

        PortalClient portal = PortalClient.signedIn(rest, mail, contact.email());
        assertThat(portal.get("/portal/cases/" + number).getBody()).contains("/portal/cases/" + number + "/return-label.pdf");
        ResponseEntity<byte[]> downloaded = portal.getBytes("/portal/cases/" + number + "/return-label.pdf");
        assertThat(downloaded.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(barcodesOf(downloaded.getBody())).contains("CODE-128:" + number);
    }

    @Test
    void theSpareDispatchedMailOfAnExchangeCarriesTheReturnLabel() throws Exception {
        SiteInfo site = fixture.chengdu();
        ContactInfo contact = newContact(site);
        String part = fixture.part();
        String faulty = fixture.installedAt(part, site);
        String spare = fixture.inStock(part, "CTU");
        String number = api.report("agent", site.customerCode(), site.id(), faulty);
        api.complete("agent", number, "Task_AcceptCase", Map.of());
        api.complete("agent", number, "Task_RemoteDiagnosis", Map.of("diagnosisOutcome", "SPARE_NEEDED"));
        api.scan("depot-CTU", spare, "PICK", "CTU", Map.of());
        api.scan("depot-CTU", spare, "PACK", "CTU", Map.of());
        api.scan("depot-CTU", spare, "SHIP", "CTU", Map.of("trackingNumber", "SF" + (System.nanoTime() % 1_000_000_000L) + "CN"));

        List<MimeMessage> dispatched = Mailboxes.await(mail, contact.email(),
                Mailboxes.subjectContains("[" + number + "] Spare board on its way"), 1);
        assertThat(dispatched).hasSize(1);
        assertThat(Mailboxes.text(dispatched.get(0))).contains("The return label is attached");
        try (InputStream in = attachmentOf(dispatched.get(0)).getInputStream()) {
            assertThat(barcodesOf(in.readAllBytes())).contains("CODE-128:" + number);
        }
        assertThat(returnLabelPage(cases.find(number).orElseThrow())).contains("return-label.pdf");
    }

    /** A contact of the site's customer for this test alone: its mailbox holds only this test's mail. */
    private ContactInfo newContact(SiteInfo site) {
        return customers.addContact(site.customerCode(), "Return Tester",
                "returns." + UUID.randomUUID().toString().substring(0, 8) + "@customer.example", "en");
    }

    private String returnLabelPage(CaseView c) {
        return rest.getForEntity("/track/" + c.trackingToken(), String.class).getBody();
    }

    private static Part attachmentOf(MimeMessage message) throws Exception {
        MimeMultipart parts = (MimeMultipart) message.getContent();
        for (int i = 0; i < parts.getCount(); i++) {
            BodyPart part = parts.getBodyPart(i);
            if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
                return part;
            }
        }
        throw new AssertionError("no attachment in " + message.getSubject());
    }

    /** What zbarimg reads from the PDF's first page, rasterised at 300 dpi by pdftoppm (independent decoders). */
    private static String barcodesOf(byte[] pdf) throws Exception {
        Path dir = Files.createTempDirectory("return-label");
        Path file = Files.write(dir.resolve("label.pdf"), pdf);
        run("pdftoppm", "-r", "300", "-png", "-f", "1", "-l", "1", file.toString(), dir.resolve("page").toString());
        try (Stream<Path> pages = Files.list(dir)) {
            Path page = pages.filter(p -> p.getFileName().toString().endsWith(".png")).findFirst().orElseThrow();
            return run("zbarimg", "--quiet", page.toString());
        }
    }

    private static String run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(String.join(" ", command) + ": " + out).isZero();
        return out;
    }
}

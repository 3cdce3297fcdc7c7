package io.spareflow.notify.internal;

import static io.spareflow.notify.Mailboxes.await;
import static io.spareflow.notify.Mailboxes.subjectContains;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import io.spareflow.SpareflowIntegrationTest;
import io.spareflow.board.Boards;
import io.spareflow.customer.Customers;
import io.spareflow.notify.CaseFixtures;
import io.spareflow.notify.Mailboxes;
import io.spareflow.rma.CaseChannel;
import io.spareflow.rma.CaseView;
import io.spareflow.rma.Cases;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

@SpareflowIntegrationTest
class InboundMailTest {

    private static final String SERVICE = "spareflow@spareflow.local";
    private static final String SICHUAN_NOC = "zhang.lei@sc.chinamobile.example";
    private static final String QUITO_NOC = "mparedes@noc.cnt.example";

    @Autowired
    TestRestTemplate rest;
    @Autowired
    GreenMail mailServer;
    @Autowired
    Boards boards;
    @Autowired
    Customers customers;
    @Autowired
    Cases cases;
    @Autowired
    InboundRepository inbound;

    @Test
    void aContactAskingAboutTheirCaseGetsItsStatusInTheSameThread() throws Exception {
        String number = sichuanCase();
        MimeMessage question = Mailboxes.compose(SICHUAN_NOC, SERVICE, "Where is our spare? " + number,
                "Hello, the site is still down. Regards, Zhang Lei");
        Mailboxes.send(mailServer, question);

        List<MimeMessage> replies = await(mailServer, SICHUAN_NOC, subjectContains("回复：[" + number + "] 状态"), 1);
        assertThat(replies).hasSize(1);
        MimeMessage reply = replies.get(0);
        assertThat(Mailboxes.header(reply, "In-Reply-To")).isEqualTo(question.getMessageID());
        assertThat(Mailboxes.header(reply, "References")).contains(question.getMessageID());
        assertThat(Mailboxes.text(reply)).contains("等待工程师受理").contains("/track/");
        assertThat(inbound.findByMessageKey(question.getMessageID())).get()
                .extracting(InboundRecord::outcome).isEqualTo(InboundRecord.Outcome.STATUS_REPLY);
    }

    @Test
    void aMailIsHandledOnceEvenWhenItIsSeenAgainAfterARestart() throws Exception {
        String number = sichuanCase();
        MimeMessage question = Mailboxes.compose(SICHUAN_NOC, SERVICE, "Status please " + number, "Any news?");
        Mailboxes.send(mailServer, question);
        assertThat(await(mailServer, SICHUAN_NOC, subjectContains("回复：[" + number + "]"), 1)).hasSize(1);

        // As if the service had stopped after handling the mail but before flagging it seen.
        markAllUnseen();
        Thread.sleep(Duration.ofSeconds(2).toMillis());
        assertThat(await(mailServer, SICHUAN_NOC, subjectContains("回复：[" + number + "]"), 2)).hasSize(1);
    }

    @Test
    void aKnownContactNamingTheirBoardOpensACaseByMail() throws Exception {
        String serial = CaseFixtures.installedBoard(boards, customers, "CNT-EC", "Quito");
        MimeMessage report = Mailboxes.compose(QUITO_NOC, SERVICE, "Falla en tarjeta OL16 - Quito",
                "Buenos dias, the board " + serial.toLowerCase() + " in Inaquito central shows LOS on port 3 since 08:40.");
        Mailboxes.send(mailServer, report);

        List<MimeMessage> acks = await(mailServer, QUITO_NOC, subjectContains("We have received your fault report"), 1)
                .stream().filter(m -> Mailboxes.text(m).contains(serial)).toList();
        assertThat(acks).hasSize(1);
        String number = inbound.findByMessageKey(report.getMessageID()).orElseThrow().caseNumber();
        CaseView created = cases.find(number).orElseThrow();
        assertThat(created.channel()).isEqualTo(CaseChannel.EMAIL);
        assertThat(created.faultySerial()).isEqualTo(serial);
        assertThat(created.customerCode()).isEqualTo("CNT-EC");
        assertThat(created.symptom()).contains("LOS on port 3");
        assertThat(acks.get(0).getSubject()).contains(number);
    }

    @Test
    void aKnownContactNamingTheSiteButNoBoardOpensACaseWhoseDiagnosisFindsTheBoard() throws Exception {
        long leshan = CaseFixtures.siteOf(customers, "CMCC-SC", "Leshan");
        String siteName = customers.site(leshan).orElseThrow().name();
        MimeMessage report = Mailboxes.compose(SICHUAN_NOC, SERVICE, "Site down",
                "Since 03:10 the whole " + siteName + " is down, several shelves in alarm; we do not know which board.");
        Mailboxes.send(mailServer, report);

        awaitRecorded(report.getMessageID());
        InboundRecord recorded = inbound.findByMessageKey(report.getMessageID()).orElseThrow();
        assertThat(recorded.outcome()).isEqualTo(InboundRecord.Outcome.CASE_CREATED);
        CaseView created = cases.find(recorded.caseNumber()).orElseThrow();
        assertThat(created.siteId()).isEqualTo(leshan);
        assertThat(created.lines()).as("the board is found by the diagnosis").isEmpty();
        assertThat(created.channel()).isEqualTo(CaseChannel.EMAIL);
    }

    @Test
    void strangersAndOtherCustomersLearnNothingAboutACase() throws Exception {
        String number = sichuanCase();
        String stranger = "someone-" + UUID.randomUUID().toString().substring(0, 6) + "@nowhere.example";
        mailServer.setUser(stranger, stranger, "demo");
        Mailboxes.send(mailServer, Mailboxes.compose(stranger, SERVICE, "Status of " + number, "?"));
        Mailboxes.send(mailServer, Mailboxes.compose(QUITO_NOC, SERVICE, "Status of " + number + " please", "?"));

        for (String sender : List.of(stranger, QUITO_NOC)) {
            List<MimeMessage> replies = await(mailServer, sender, subjectContains("Re: Status of " + number), 1);
            assertThat(replies).as(sender).hasSize(1);
            String text = Mailboxes.text(replies.get(0));
            assertThat(text).contains("registered").doesNotContain("/track/").doesNotContain("Chengdu")
                    .doesNotContain("Li Wei").doesNotContain("accepted");
        }
    }

    @Test
    void malformedMailIsRecordedNotCrashedOn() throws Exception {
        MimeMessage noSubjectHugeBody = Mailboxes.compose(SICHUAN_NOC, SERVICE, null, "x".repeat(2_000_000));
        MimeMessage withAttachment = new MimeMessage(Session.getInstance(new Properties()));
        withAttachment.setFrom(SICHUAN_NOC);
        withAttachment.setRecipients(jakarta.mail.Message.RecipientType.TO, SERVICE);
        withAttachment.setSubject("Alarm log attached", "UTF-8");
        MimeBodyPart text = new MimeBodyPart();
        text.setText("Bonjour, voir le journal joint.", "ISO-8859-1");
        MimeBodyPart log = new MimeBodyPart();
        log.setContent(new byte[] {0, 1, 2, 3}, "application/octet-stream");
        log.setFileName("alarm.log");
        log.setDisposition(jakarta.mail.Part.ATTACHMENT);
        withAttachment.setContent(new MimeMultipart(text, log));
        Mailboxes.send(mailServer, noSubjectHugeBody);
        Mailboxes.send(mailServer, withAttachment);

        awaitRecorded(noSubjectHugeBody.getMessageID());
        awaitRecorded(withAttachment.getMessageID());
        assertThat(inbound.findByMessageKey(noSubjectHugeBody.getMessageID()).orElseThrow().outcome())
                .isEqualTo(InboundRecord.Outcome.NEEDS_DETAILS);
        assertThat(inbound.findByMessageKey(withAttachment.getMessageID()).orElseThrow().outcome())
                .isEqualTo(InboundRecord.Outcome.NEEDS_DETAILS);
    }

    private String sichuanCase() {
        String serial = CaseFixtures.installedBoard(boards, customers, "CMCC-SC", "Leshan");
        Map<String, Object> created = CaseFixtures.report(rest, "CMCC-SC", CaseFixtures.siteOf(customers, "CMCC-SC", "Leshan"), serial);
        return (String) created.get("number");
    }

    private void awaitRecorded(String messageId) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (inbound.findByMessageKey(messageId).isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("mail " + messageId + " was not processed");
            }
            Thread.sleep(100);
        }
    }

    private void markAllUnseen() throws Exception {
        try (Store store = Session.getInstance(new Properties()).getStore("imap")) {
            store.connect("127.0.0.1", mailServer.getImap().getPort(), SERVICE, "spareflow");
            Folder inboxFolder = store.getFolder("INBOX");
            inboxFolder.open(Folder.READ_WRITE);
            inboxFolder.setFlags(1, inboxFolder.getMessageCount(), new Flags(Flags.Flag.SEEN), false);
            inboxFolder.close(false);
        }
    }
}

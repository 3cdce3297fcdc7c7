package io.spareflow.notify.internal;

import static io.spareflow.notify.Mailboxes.await;
import static io.spareflow.notify.Mailboxes.subjectContains;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import io.spareflow.SpareflowIntegrationTest;
import io.spareflow.board.Boards;
import io.spareflow.common.CaseNumber;
import io.spareflow.customer.Customers;
import io.spareflow.notify.CaseFixtures;
import io.spareflow.notify.Mailboxes;
import io.spareflow.notify.internal.InboundRecord.Outcome;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** Mail as an attacker, a robot or a careless mail system sends it: nothing loops, nothing leaks, nothing blocks. */
@SpareflowIntegrationTest
class HostileMailTest {

    private static final String SERVICE = "spareflow@spareflow.local";
    private static final String SICHUAN_NOC = "zhang.lei@sc.chinamobile.example";

    @Autowired
    TestRestTemplate rest;
    @Autowired
    GreenMail mailServer;
    @Autowired
    Boards boards;
    @Autowired
    Customers customers;
    @Autowired
    InboundRepository inbound;
    @Autowired
    AutoReplyLog replies;

    @Test
    void aMailForgedFromTheServicesOwnAddressIsNeverAnswered() throws Exception {
        String number = sichuanCase();
        MimeMessage forged = Mailboxes.compose(SERVICE, SERVICE, "Status of " + number, "Where is the spare?");
        Mailboxes.send(mailServer, forged);

        InboundRecord recorded = awaitRecorded(forged.getMessageID());
        assertThat(recorded.outcome()).isEqualTo(Outcome.AUTOMATIC);
        assertThat(recorded.detail()).contains("own address");
        assertThat(replies.countSince(SERVICE, Instant.EPOCH)).isZero();
    }

    @Test
    void aStrangersAutoResponderThatAnswersEverythingGetsOneReplyNotALoop() throws Exception {
        String robot = newMailbox("robot");
        MimeMessage first = Mailboxes.compose(robot, SERVICE, "Hello", "Is this the repair service?");
        Mailboxes.send(mailServer, first);

        int answered = answerEverything(robot, Duration.ofSeconds(6));

        assertThat(answered).as("replies the robot received").isEqualTo(1);
        MimeMessage reply = received(robot, m -> true).get(0);
        assertThat(Mailboxes.header(reply, "Auto-Submitted")).isEqualTo("auto-replied");
        assertThat(Mailboxes.header(reply, "In-Reply-To")).isEqualTo(first.getMessageID());
        assertThat(recordsFrom(robot)).extracting(InboundRecord::outcome)
                .containsExactlyInAnyOrder(Outcome.REFUSED, Outcome.SILENCED);
    }

    @Test
    void aContactsAutoResponderAnsweringTheStatusReplyGetsNoSecondStatus() throws Exception {
        String number = sichuanCase();
        String robot = newMailbox("noc-robot");
        customers.addContact("CMCC-SC", "NOC robot", robot, "en");
        Mailboxes.send(mailServer, Mailboxes.compose(robot, SERVICE, "Status " + number, "?"));

        int answered = answerEverything(robot, Duration.ofSeconds(6));

        assertThat(answered).isEqualTo(1);
        assertThat(recordsFrom(robot)).extracting(InboundRecord::outcome)
                .containsExactlyInAnyOrder(Outcome.STATUS_REPLY, Outcome.SILENCED);
    }

    @Test
    void oneSenderGetsAtMostTenAutomaticRepliesAnHourThenSilenceRecorded() throws Exception {
        String sender = newMailbox("flood");
        for (int i = 0; i < 12; i++) {
            Mailboxes.send(mailServer, Mailboxes.compose(sender, SERVICE, "Question " + i, "Hello?"));
        }

        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (recordsFrom(sender).size() < 12 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(recordsFrom(sender)).extracting(InboundRecord::outcome)
                .filteredOn(o -> o == Outcome.SILENCED).hasSize(2);
        assertThat(replies.countSince(sender, Instant.EPOCH)).isEqualTo(10);
        assertThat(await(mailServer, sender, subjectContains("Re: Question"), 10)).hasSize(10);
    }

    @Test
    void theStatusReplyShowsTheCustomerTimelineOnlyNeverATransferReason() throws Exception {
        String number = sichuanCase();
        CaseFixtures.accept(rest, number);
        String reason = "INTERNAL: customer is on the watch list, Li Wei overloaded";
        ResponseEntity<String> transferred = rest.withBasicAuth("supervisor", "demo").postForEntity(
                "/api/cases/" + number + "/transfer", CaseFixtures.json(Map.of("toUser", "supervisor", "reason", reason)),
                String.class);
        assertThat(transferred.getStatusCode()).isEqualTo(HttpStatus.OK);

        MimeMessage question = Mailboxes.compose(SICHUAN_NOC, SERVICE, "Status of " + number, "Any news?");
        Mailboxes.send(mailServer, question);
        String questionId = question.getMessageID();

        List<MimeMessage> status = await(mailServer, SICHUAN_NOC, m -> number.equals(caseIn(m))
                && questionId.equals(Mailboxes.header(m, "In-Reply-To")), 1);
        assertThat(status).hasSize(1);
        String text = Mailboxes.text(status.get(0));
        assertThat(text).contains("故障已报告").contains("第一责任人")
                .doesNotContain("watch list").doesNotContain("INTERNAL").doesNotContain("Li Wei")
                .doesNotContain("transferred").doesNotContain("TRANSFERRED").doesNotContain("Fault reported by HOTLINE");
    }

    @Test
    void aContactReportingABoardThatAlreadyHasAnOpenCaseIsToldWhichCase() throws Exception {
        String serial = CaseFixtures.installedBoard(boards, customers, "CMCC-SC", "Leshan");
        String number = (String) CaseFixtures.report(rest, "CMCC-SC", CaseFixtures.siteOf(customers, "CMCC-SC", "Leshan"),
                serial).get("number");
        MimeMessage report = Mailboxes.compose(SICHUAN_NOC, SERVICE, "Board down again", "Board " + serial + " shows LOS.");
        Mailboxes.send(mailServer, report);
        String reportId = report.getMessageID();

        List<MimeMessage> answers = await(mailServer, SICHUAN_NOC, m -> reportId.equals(Mailboxes.header(m, "In-Reply-To")), 1);
        assertThat(answers).hasSize(1);
        assertThat(answers.get(0).getSubject()).contains(number);
        assertThat(Mailboxes.text(answers.get(0))).contains(serial).contains(number).contains("/track/");
        assertThat(awaitRecorded(report.getMessageID()).outcome()).isEqualTo(Outcome.SERIAL_ALREADY_OPEN);
    }

    @Test
    void aMailThatCannotBeHandledIsMovedAsideAndTheNextOneGoesOn() throws Exception {
        // A customer whose contract has run out reports a board: the case cannot be opened, the handling fails.
        String code = "LAPSED-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        customers.create(code, "Lapsed Telecom", "CN");
        customers.addSite(code, "Lapsed Leshan", "Leshan", "CN", 29.55, 103.77, "Asia/Shanghai");
        String contact = newMailbox("lapsed");
        customers.addContact(code, "Lapsed NOC", contact, "en");
        String serial = CaseFixtures.installedBoard(boards, customers, code, "Leshan");
        MimeMessage failing = Mailboxes.compose(contact, SERVICE, "Board " + serial + " failed", "LOS on port 1");
        String number = sichuanCase();
        MimeMessage next = Mailboxes.compose(SICHUAN_NOC, SERVICE, "Status " + number, "?");
        Mailboxes.send(mailServer, failing);
        Mailboxes.send(mailServer, next);

        assertThat(awaitRecorded(failing.getMessageID()).outcome()).isEqualTo(Outcome.FAILED);
        assertThat(awaitRecorded(next.getMessageID()).outcome()).isEqualTo(Outcome.STATUS_REPLY);
        assertThat(messageIdsIn(InboundMailPoller.FAILED_FOLDER)).contains(failing.getMessageID());
        assertThat(messageIdsIn("INBOX")).doesNotContain(failing.getMessageID()).contains(next.getMessageID());
    }

    /** Plays an auto-responder that answers every mail it gets, without any Auto-Submitted header; returns how many. */
    private int answerEverything(String robot, Duration during) throws Exception {
        Set<String> answered = new HashSet<>();
        long deadline = System.nanoTime() + during.toNanos();
        while (System.nanoTime() < deadline) {
            for (MimeMessage m : received(robot, x -> true)) {
                if (answered.add(m.getMessageID())) {
                    MimeMessage answer = Mailboxes.compose(robot, SERVICE, "Re: " + m.getSubject(),
                            "Thank you for your mail. I am out of the office until Monday.");
                    answer.setHeader("In-Reply-To", m.getMessageID());
                    answer.setHeader("References", m.getMessageID());
                    Mailboxes.send(mailServer, answer);
                }
            }
            Thread.sleep(100);
        }
        return answered.size();
    }

    private List<MimeMessage> received(String address, Predicate<MimeMessage> matching) throws InterruptedException {
        return Mailboxes.await(mailServer, address, matching, 0);
    }

    private List<InboundRecord> recordsFrom(String sender) {
        return inbound.findAll().stream().filter(r -> sender.equals(r.sender())).toList();
    }

    private String newMailbox(String prefix) {
        String address = prefix + "-" + UUID.randomUUID().toString().substring(0, 8) + "@mail.example";
        mailServer.setUser(address, address, "demo");
        return address;
    }

    private String sichuanCase() {
        String serial = CaseFixtures.installedBoard(boards, customers, "CMCC-SC", "Leshan");
        return (String) CaseFixtures.report(rest, "CMCC-SC", CaseFixtures.siteOf(customers, "CMCC-SC", "Leshan"), serial)
                .get("number");
    }

    private static String caseIn(MimeMessage m) {
        try {
            return CaseNumber.findIn(String.valueOf(m.getSubject())).map(CaseNumber::value).orElse(null);
        } catch (MessagingException e) {
            return null;
        }
    }

    private InboundRecord awaitRecorded(String messageId) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (true) {
            var found = inbound.findByMessageKey(messageId);
            if (found.isPresent()) {
                return found.get();
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("mail " + messageId + " was not processed");
            }
            Thread.sleep(100);
        }
    }

    private List<String> messageIdsIn(String folderName) throws MessagingException {
        try (Store store = Session.getInstance(new Properties()).getStore("imap")) {
            store.connect("127.0.0.1", mailServer.getImap().getPort(), SERVICE, "spareflow");
            Folder folder = store.getFolder(folderName);
            folder.open(Folder.READ_ONLY);
            try {
                List<String> ids = new java.util.ArrayList<>();
                for (Message m : folder.getMessages()) {
                    if (!m.isSet(jakarta.mail.Flags.Flag.DELETED)) {
                        ids.add(((MimeMessage) m).getMessageID());
                    }
                }
                return ids;
            } finally {
                folder.close(false);
            }
        }
    }
}

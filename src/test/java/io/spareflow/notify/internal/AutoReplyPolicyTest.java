package io.spareflow.notify.internal;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.time.Duration;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** RFC 3834: what never gets an automatic answer; and how defensively a hostile mail is read. */
class AutoReplyPolicyTest {

    private static final String SERVICE = "spareflow@spareflow.local";
    private final AutoReplyPolicy policy = new AutoReplyPolicy(new MailSettings(SERVICE, "Spareflow",
            new MailSettings.Imap(true, "127.0.0.1", 3143, SERVICE, "x", Duration.ofSeconds(1)), Duration.ofSeconds(1),
            Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofDays(1), 10, 20_000));

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
            "Auto-Submitted, auto-replied",
            "Auto-Submitted, auto-generated",
            "Auto-Submitted, auto-notified; owner-email=\"x@example.org\"",
            "Precedence, bulk",
            "Precedence, List",
            "Precedence, junk",
            "List-Id, <noc.lists.example.org>",
            "Return-Path, <>",
            "X-Auto-Response-Suppress, 'DR, OOF, AutoReply'",
    })
    void mailThatSaysItIsAutomaticIsNeverAnswered(String header, String value) throws Exception {
        MimeMessage message = message("zhang.lei@sc.chinamobile.example");
        message.setHeader(header, value);

        assertThat(policy.reasonNotToAnswer(read(message))).isPresent();
    }

    @ParameterizedTest
    @CsvSource({"MAILER-DAEMON@mx.example.org", "postmaster@example.org", "owner-noc@lists.example.org",
            "noc-request@lists.example.org", "no-reply@vendor.example", "spareflow@spareflow.local", "SpareFlow@SPAREFLOW.local"})
    void mailSystemsListsAndOurOwnAddressAreNeverAnswered(String sender) throws Exception {
        assertThat(policy.reasonNotToAnswer(read(message(sender)))).isPresent();
    }

    @Test
    void aPersonsMailIsAnswered() throws Exception {
        MimeMessage message = message("zhang.lei@sc.chinamobile.example");
        message.setHeader("Auto-Submitted", "no");
        message.setHeader("Precedence", "first-class");

        assertThat(policy.reasonNotToAnswer(read(message))).isEmpty();
    }

    @Test
    void everyValueFitsItsColumn() throws Exception {
        MimeMessage message = new MimeMessage(Session.getInstance(new Properties())) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", "<" + "m".repeat(990) + "@example.org>");
            }
        };
        message.setFrom(new InternetAddress("x".repeat(300) + "@example.org", false));
        message.setSubject("S\u0000ubject " + "y".repeat(400));
        message.setText("Hello\u0000 there");
        message.saveChanges();

        InboundMail mail = read(message);

        assertThat(mail.key()).startsWith("sha256:").hasSizeLessThanOrEqualTo(InboundMail.KEY_LENGTH);
        assertThat(mail.replyKey()).hasSizeLessThanOrEqualTo(200);
        assertThat(mail.replyTarget()).as("a 1000-character Message-ID is not repeated in In-Reply-To").isNull();
        assertThat(mail.sender()).as("a 300-character address is nobody to answer").isNull();
        assertThat(mail.subject()).hasSize(InboundMail.SUBJECT_LENGTH).startsWith("Subject ");
        assertThat(mail.text()).doesNotContain("\u0000").contains("Hello there");
        assertThat(policy.reasonNotToAnswer(mail)).isPresent();
    }

    @Test
    void multipartsNestedWithoutEndAreReadToALimit() throws Exception {
        MimeBodyPart innermost = new MimeBodyPart();
        innermost.setText("deep inside, board NT0012345678");
        MimeMultipart nested = new MimeMultipart(innermost);
        for (int level = 0; level < 60; level++) {
            MimeBodyPart wrapper = new MimeBodyPart();
            wrapper.setContent(nested);
            nested = new MimeMultipart(wrapper);
        }
        MimeMessage message = message("zhang.lei@sc.chinamobile.example");
        message.setContent(nested);
        message.saveChanges();
        // as it arrives: parsed from its bytes, not from the objects above
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        message.writeTo(bytes);
        MimeMessage received = new MimeMessage(Session.getInstance(new Properties()),
                new java.io.ByteArrayInputStream(bytes.toByteArray()));

        InboundMail mail = read(received);

        assertThat(mail.text()).doesNotContain("deep inside");
        assertThat(mail.readingNotes()).anyMatch(note -> note.contains("levels"));
    }

    @Test
    void messageIdsOfTheThreadAreCollected() throws Exception {
        MimeMessage message = message("zhang.lei@sc.chinamobile.example");
        message.setHeader("In-Reply-To", "<a.status_reply@spareflow.local>");
        message.setHeader("References", "<first@mail.example> <a.status_reply@spareflow.local>\r\n <x y>");

        assertThat(read(message).references()).containsExactly("<a.status_reply@spareflow.local>", "<first@mail.example>");
    }

    private static MimeMessage message(String from) throws MessagingException {
        MimeMessage message = new MimeMessage(Session.getInstance(new Properties()));
        message.setFrom(new InternetAddress(from));
        message.setRecipients(Message.RecipientType.TO, SERVICE);
        message.setSubject("Status of RMA-2026-000001?");
        message.setText("Hello");
        return message;
    }

    private static InboundMail read(MimeMessage message) throws MessagingException {
        return InboundMail.read(message, 20_000);
    }
}

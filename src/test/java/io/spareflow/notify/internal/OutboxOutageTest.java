package io.spareflow.notify.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.spareflow.SpareflowIntegrationTest;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.transaction.support.TransactionTemplate;

/** The mail server goes away while mail is queued; every message goes out once it is back, none twice. */
@SpareflowIntegrationTest
class OutboxOutageTest {

    @Autowired
    Outbox outbox;
    @Autowired
    OutboxRepository repository;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    JavaMailSender mailSender;

    @Test
    void mailQueuedDuringAnOutageIsSentOnceWhenTheServerIsBack() throws Exception {
        // The service sends through a mail server of this test's own, which is stopped and started again; the shared
        // embedded server of the other tests is left alone.
        JavaMailSenderImpl sender = (JavaMailSenderImpl) mailSender;
        String sharedHost = sender.getHost();
        int sharedPort = sender.getPort();
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        GreenMail server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        sender.setHost("127.0.0.1");
        sender.setPort(port);
        server.stop();
        String batch = UUID.randomUUID().toString().substring(0, 8);
        List<String> recipients = IntStream.range(0, 12).mapToObj(i -> "noc" + i + "-" + batch + "@outage.example").toList();
        GreenMail restarted = null;
        try {
            transactions.executeWithoutResult(tx -> recipients.forEach(to -> outbox.enqueue("RMA-TEST-" + batch, "TEST",
                    "outage:" + batch + ":" + to, to, new RenderedMail("Outage " + batch, "body", "<p>body</p>"), null)));
            // A retry of the same request must not queue the mail twice.
            transactions.executeWithoutResult(tx -> recipients.forEach(to -> outbox.enqueue("RMA-TEST-" + batch, "TEST",
                    "outage:" + batch + ":" + to, to, new RenderedMail("Outage " + batch, "body", null), null)));

            awaitUntil(() -> mine(batch).stream().allMatch(m -> m.attempts() >= 2));
            assertThat(mine(batch)).hasSize(12).allSatisfy(m -> {
                assertThat(m.status()).isEqualTo(OutboxMessage.Status.PENDING);
                assertThat(m.toRecord().lastError()).isNotBlank();
            });

            restarted = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            restarted.start();
            awaitUntil(() -> mine(batch).stream().allMatch(m -> m.status() == OutboxMessage.Status.SENT));
            Thread.sleep(1500); // a second sender pass must not send anything again
            MimeMessage[] received = restarted.getReceivedMessages();
            List<MimeMessage> ours = Arrays.stream(received).filter(m -> subject(m).contains(batch)).toList();
            assertThat(ours).hasSize(12);
            assertThat(ours.stream().map(OutboxOutageTest::to).distinct()).hasSize(12);
            assertThat(ours.stream().map(m -> header(m, "Message-ID")).distinct())
                    .containsExactlyInAnyOrderElementsOf(mine(batch).stream().map(OutboxMessage::messageId).toList());
        } finally {
            sender.setHost(sharedHost);
            sender.setPort(sharedPort);
            if (restarted != null) {
                restarted.stop();
            }
        }
    }

    private List<OutboxMessage> mine(String batch) {
        return repository.findByCaseNumberOrderByCreatedAtAscIdAsc("RMA-TEST-" + batch);
    }

    private static void awaitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 30 s");
            }
            Thread.sleep(100);
        }
    }

    private static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String to(MimeMessage m) {
        try {
            return m.getAllRecipients()[0].toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String header(MimeMessage m, String name) {
        try {
            return m.getHeader(name)[0];
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
